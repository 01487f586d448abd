package dev.plandev.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The lines one class logs at INFO and above while it is open, whatever the tests' logging
 * configuration says (it keeps only warnings).
 */
public final class LogLines implements AutoCloseable {
  private final Logger logger;
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final Level level;

  private LogLines(Class<?> of) {
    this.logger = (Logger) LoggerFactory.getLogger(of);
    lines.start();
    logger.addAppender(lines);
    this.level = logger.getLevel();
    logger.setLevel(Level.INFO);
  }

  /** Starts keeping the lines the logger of {@code of} writes. */
  public static LogLines of(Class<?> of) {
    return new LogLines(of);
  }

  /** The events logged so far. */
  public List<ILoggingEvent> events() {
    return lines.list;
  }

  /** The messages logged so far, formatted. */
  public List<String> messages() {
    return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Override
  public void close() {
    logger.setLevel(level);
    logger.detachAppender(lines);
  }
}
