package dev.plandev.cli.invocation;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.status.NopStatusListener;
import ch.qos.logback.core.util.FileSize;
import dev.plandev.defaults.config.PlandevConfig;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Sets up logging once the configuration is known: JSON lines (level, logger, message, correlation
 * id, trace id, error details) to a rotating file under {@code monitoring.logDir} — 100 MB a file,
 * about ten files, 30 days, compressed — and readable lines on stderr when a person is at a
 * terminal.
 */
@SuppressWarnings("unchecked")
public final class LogSetup {
  static final String FILE_APPENDER = "json-file";
  static final String CONSOLE_APPENDER = "terminal";
  static final String FILE_NAME = "plandev.json";

  /** The loggers whose warnings a person at a terminal sees without {@code --verbose}. */
  static final String OWN_LOGGERS = "dev.plandev.";

  /**
   * Marks a log event whose message the person was already shown on stderr (a failed command's one
   * line): it goes to the log file but not to the terminal, where it would show twice, and with a
   * stack trace.
   */
  public static final Marker ALREADY_SHOWN = MarkerFactory.getMarker("ALREADY_SHOWN");

  private LogSetup() {}

  /**
   * Logback's configuration until the command knows its own: the root logger at WARN with no
   * appender, so nothing is logged and stdout stays clean for scripts. It is registered in {@code
   * META-INF/services} instead of a {@code logback.xml} because reading XML loads a parser and
   * about 300 Joran classes on every start (issue 6); {@code -Dlogback.configurationFile} still
   * wins.
   */
  public static final class StartupConfigurator extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
      if (System.getProperty("logback.configurationFile") != null) {
        return ExecutionStatus.INVOKE_NEXT_IF_ANY;
      }
      context.getStatusManager().add(new NopStatusListener());
      context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
      return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
  }

  /** Points the JSON file appender at this configuration's log directory. */
  static synchronized void fileLogs(PlandevConfig config, boolean verbose) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      return;
    }
    ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    Level level =
        verbose
            ? Level.DEBUG
            : Level.toLevel(config.monitoring().logLevel().toUpperCase(Locale.ROOT), Level.INFO);
    root.setLevel(level);
    String dir = config.resolve(config.monitoring().logDir()).toString();
    var current = (RollingFileAppender<ILoggingEvent>) root.getAppender(FILE_APPENDER);
    if (current != null) {
      if (current.getFile().equals(dir + "/" + FILE_NAME)) {
        return;
      }
      // Another data directory in the same JVM (tests, embedding): follow it.
      root.detachAppender(current);
      current.stop();
    }
    ownerOnly(config.dataPath(), Path.of(dir), Path.of(dir, FILE_NAME));
    RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
    file.setContext(ctx);
    file.setName(FILE_APPENDER);
    file.setFile(dir + "/" + FILE_NAME);
    SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
    policy.setContext(ctx);
    policy.setParent(file);
    policy.setFileNamePattern(dir + "/plandev.%d{yyyy-MM-dd}.%i.json.gz");
    policy.setMaxFileSize(FileSize.valueOf("100MB"));
    policy.setMaxHistory(30);
    policy.setTotalSizeCap(FileSize.valueOf("1000MB"));
    policy.start();
    file.setRollingPolicy(policy);
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(ctx);
    // traceId and spanId: the OpenTelemetry span of the request, when tracing is on.
    encoder.setIncludeMdcKeyNames(List.of("correlationId", "traceId", "spanId"));
    encoder.start();
    file.setEncoder(encoder);
    file.start();
    root.addAppender(file);
  }

  /**
   * Creates the log folder (and a missing data directory above it) {@code rwx------} and the log
   * file {@code rw-------} before logback opens it, since logs quote keys and contexts. Rolled
   * files get the default mode, inside the owner-only folder. Skipped where the file system has no
   * POSIX permissions, and on any failure: logging must never stop a command.
   */
  private static void ownerOnly(Path dataDir, Path logDir, Path logFile) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    try {
      Path above = dataDir.toAbsolutePath().getParent();
      if (above != null && !Files.isDirectory(above)) {
        // Folders above the data directory (~/.local/share) are not plandev's: default modes.
        Files.createDirectories(above);
      }
      if (!Files.isDirectory(logDir)) {
        Files.createDirectories(
            logDir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      if (Files.notExists(logFile)) {
        Files.createFile(logFile);
      }
      Files.setPosixFilePermissions(logFile, PosixFilePermissions.fromString("rw-------"));
    } catch (java.io.IOException | UnsupportedOperationException e) {
      // logback reports what it cannot open; permissions are best effort here
    }
  }

  /**
   * Shows plandev's own warnings on stderr when it is a terminal, one line each; with {@code
   * verbose}, every logger's events from DEBUG up, with stack traces. Without it, libraries' logs
   * (Jetty failing to bind a port, say) and stack traces go to the log file only: the person was
   * already told what failed, in one line, by the command.
   */
  static synchronized void terminal(boolean isTerminal, boolean verbose) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      return;
    }
    ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    if (!isTerminal || root.getAppender(CONSOLE_APPENDER) != null) {
      return;
    }
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(ctx);
    console.setName(CONSOLE_APPENDER);
    console.setTarget("System.err");
    PatternLayoutEncoder enc = new PatternLayoutEncoder();
    enc.setContext(ctx);
    enc.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n" + (verbose ? "" : "%nopex"));
    enc.start();
    console.setEncoder(enc);
    ch.qos.logback.classic.filter.ThresholdFilter threshold =
        new ch.qos.logback.classic.filter.ThresholdFilter();
    threshold.setLevel(verbose ? "DEBUG" : "WARN");
    threshold.start();
    console.addFilter(threshold);
    console.addFilter(
        new Filter<>() {
          @Override
          public FilterReply decide(ILoggingEvent event) {
            List<Marker> markers = event.getMarkerList();
            if (markers != null && markers.contains(ALREADY_SHOWN)) {
              return FilterReply.DENY;
            }
            return verbose || event.getLoggerName().startsWith(OWN_LOGGERS)
                ? FilterReply.NEUTRAL
                : FilterReply.DENY;
          }
        });
    console.start();
    root.addAppender(console);
  }
}
