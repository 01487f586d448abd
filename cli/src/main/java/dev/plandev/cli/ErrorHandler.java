package dev.plandev.cli;

import dev.plandev.cli.invocation.Invocation;
import dev.plandev.cli.invocation.LogSetup;
import dev.plandev.defaults.config.ConfigException;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.PlandevException;
import dev.plandev.plans.AmbiguousTaskException;
import dev.plandev.plans.NotAPlanException;
import dev.plandev.plans.PlanException;
import dev.plandev.plans.TaskNotFoundException;
import dev.plandev.plans.edit.InvalidTagException;
import dev.plandev.plans.edit.UnknownSectionException;
import dev.plandev.plans.generate.GenerationRequestException;
import dev.plandev.plans.generate.InvalidAnswerException;
import dev.plandev.plans.generate.MissingAnswersException;
import dev.plandev.plans.generate.PromptInterruptedException;
import dev.plandev.plans.generate.TemplateNotFoundException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The one place where the CLI turns failures into exit codes and a message: one line on stderr
 * saying what was wrong and what to do, and nothing else unless {@code --verbose}, which adds the
 * stack trace. The failure also goes to the log file, with its stack trace, but not to the
 * terminal, which already has the line.
 *
 * <p>Exit codes: {@value #FAILURE} when the command ran and failed, {@value #USAGE} when the
 * command line or its input was wrong (fixing the command fixes it), {@value #INTERRUPTED} when it
 * was interrupted (Ctrl-C). Domain exceptions carry no exit code: this class decides from their
 * types.
 */
final class ErrorHandler
    implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
  static final int FAILURE = 1;
  static final int USAGE = 2;
  static final int INTERRUPTED = 130;
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

  /** Failures of the input rather than of the run: a wrong path, task, template or answer. */
  private static final List<Class<? extends RuntimeException>> BAD_INPUT =
      List.of(
          InvalidInputException.class,
          ConfigException.class,
          NotAPlanException.class,
          TaskNotFoundException.class,
          AmbiguousTaskException.class,
          UnknownSectionException.class,
          InvalidTagException.class,
          GenerationRequestException.class,
          TemplateNotFoundException.class,
          InvalidAnswerException.class,
          MissingAnswersException.class);

  /** picocli's message for a map option's value without '=' (it says "option option"). */
  private static final Pattern KEY_VALUE =
      Pattern.compile(
          "Value for option option '([^']+)' \\(([^)]+)\\) should be in KEY=VALUE format but was"
              + " (.*)");

  private final Invocation invocation;

  ErrorHandler(Invocation invocation) {
    this.invocation = invocation;
  }

  /**
   * A wrong command line: one line saying what was wrong, the closest command or option when the
   * word was mistyped, and where the usage is.
   */
  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    String help = "see '" + cl.getCommandSpec().qualifiedName() + " --help'";
    e.getCommandLine().getErr().println("plandev: " + usageMessage(e) + "; " + help);
    return USAGE;
  }

  /** picocli's message in plain words, with "did you mean" for a mistyped command or option. */
  static String usageMessage(CommandLine.ParameterException e) {
    if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String word = u.getUnmatched().get(0);
      List<String> close = u.getSuggestions().stream().limit(3).toList();
      String meant = close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?";
      if (word.startsWith("-")) {
        return "unknown option '" + word + "'" + meant;
      }
      boolean hasCommands = !e.getCommandLine().getSubcommands().isEmpty();
      return (hasCommands && !meant.isEmpty() ? "unknown command '" : "unexpected argument '")
          + word
          + "'"
          + meant;
    }
    Matcher keyValue = KEY_VALUE.matcher(e.getMessage());
    if (keyValue.matches()) {
      return "option '"
          + keyValue.group(1)
          + "' takes "
          + keyValue.group(2)
          + ", got '"
          + keyValue.group(3)
          + "'";
    }
    return e.getMessage();
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
    if (e instanceof CommandLine.ParameterException pe) {
      return handleParseException(pe, new String[0]);
    }
    int code = exitCode(e);
    String message = message(e, code);
    PrintWriter err = cl.getErr();
    err.println("plandev: " + message);
    if (invocation.verbose()) {
      e.printStackTrace(err);
    }
    LOG.warn(
        LogSetup.ALREADY_SHOWN,
        "command failed with exit code {} (reference {}): {}",
        code,
        invocation.reference(),
        message,
        e);
    return code;
  }

  /** The exit code for a failure of the command. */
  static int exitCode(Throwable e) {
    if (interrupted(e)) {
      return INTERRUPTED;
    }
    return BAD_INPUT.stream().anyMatch(type -> type.isInstance(e)) ? USAGE : FAILURE;
  }

  /**
   * The line to show: the message of the project's own exceptions, written for people; for anything
   * else (a bug), a reference to the log instead of a Java class name and message.
   */
  private String message(Exception e, int code) {
    if (e instanceof PlandevException || e instanceof PlanException) {
      return e.getMessage();
    }
    if (code == INTERRUPTED) {
      return "interrupted; nothing more was done";
    }
    return "the command stopped on an unexpected error (reference "
        + invocation.reference()
        + "); "
        + (invocation.verbose()
            ? "the details follow"
            : invocation
                .logFile()
                .map(log -> "the details are in " + log + ", or run it again with --verbose")
                .orElse("run it again with --verbose to see the details"));
  }

  /** Whether the failure comes from the command being interrupted (Ctrl-C, a stopped thread). */
  private static boolean interrupted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InterruptedException
          || t instanceof ClosedByInterruptException
          || t instanceof PromptInterruptedException
          || t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException)) {
        return true;
      }
    }
    return false;
  }
}
