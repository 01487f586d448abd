package dev.plandev.defaults.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;

/**
 * Waiting for an event that another thread or process brings about: the condition is asked again
 * every few milliseconds until it holds, and the test fails with {@code what} once the deadline,
 * chosen generous for a loaded machine, has passed. The deadline is no measure of speed.
 */
public final class Await {
  /** The deadline of tests that wait for another instance to see a write. */
  public static final Duration GENEROUS = Duration.ofSeconds(10);

  private Await() {}

  /** Returns the first non-null answer of {@code probe}, or fails saying what never happened. */
  public static <T> T value(String what, Duration deadline, Supplier<T> probe) {
    long end = System.nanoTime() + deadline.toNanos();
    while (true) {
      T answer = probe.get();
      if (answer != null) {
        return answer;
      }
      if (System.nanoTime() > end) {
        return Assertions.fail("waited " + deadline.toSeconds() + " s and still not: " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Assertions.fail("interrupted while waiting for: " + what);
      }
    }
  }

  /** Waits until {@code condition} holds. */
  public static void until(String what, Duration deadline, BooleanSupplier condition) {
    value(what, deadline, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
  }
}
