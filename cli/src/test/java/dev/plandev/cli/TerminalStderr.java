package dev.plandev.cli;

import ch.qos.logback.classic.LoggerContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person at a terminal sees on stderr during a test: the command's own error writer and the
 * process's {@code System.err}, where log lines at a terminal go.
 */
final class TerminalStderr implements BeforeEachCallback, AfterEachCallback {
  private final ByteArrayOutputStream processErr = new ByteArrayOutputStream();
  private PrintStream realErr;

  @Override
  public void beforeEach(ExtensionContext context) {
    realErr = System.err;
    System.setErr(new PrintStream(processErr, true, StandardCharsets.UTF_8));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    System.setErr(realErr);
    LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
    logs.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender("terminal");
  }

  /** Everything seen on stderr while {@code r} ran, and since the last {@link #reset()}. */
  String of(CliRun.Result r) {
    return r.err() + processErr.toString(StandardCharsets.UTF_8);
  }

  /** Forgets what the process wrote so far, for a test that runs several commands. */
  void reset() {
    processErr.reset();
  }
}
