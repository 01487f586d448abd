package dev.plandev.defaults.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A warning log that writes each kind of problem at most once per period, with the number of times
 * it was left out since, so that a dead Redis under load does not flood the logs.
 */
final class ThrottledLog {
  private final Logger log;
  private final Ticker ticker;
  private final long periodNanos;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  private static final class Window {
    volatile long lastNanos;
    final AtomicLong suppressed = new AtomicLong();

    Window(long lastNanos) {
      this.lastNanos = lastNanos;
    }
  }

  ThrottledLog(Logger log, Ticker ticker, Duration period) {
    this.log = log;
    this.ticker = ticker;
    this.periodNanos = period.toNanos();
  }

  /** Logs {@code message} (and the cause's message) unless this kind was logged lately. */
  void warn(String kind, String message, Throwable cause) {
    long now = ticker.read();
    Window w = windows.get(kind);
    if (w == null) {
      Window fresh = new Window(now);
      w = windows.putIfAbsent(kind, fresh);
      if (w == null) {
        write(message, cause, 0);
        return;
      }
    }
    synchronized (w) {
      if (now - w.lastNanos < periodNanos) {
        w.suppressed.incrementAndGet();
        return;
      }
      w.lastNanos = now;
    }
    write(message, cause, w.suppressed.getAndSet(0));
  }

  private void write(String message, Throwable cause, long suppressed) {
    String text =
        cause == null
            ? message
            : message + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
    if (suppressed > 0) {
      text += " (" + suppressed + " similar warnings left out)";
    }
    if (log.isDebugEnabled() && cause != null) {
      log.warn(text, cause);
    } else {
      log.warn(text);
    }
  }
}
