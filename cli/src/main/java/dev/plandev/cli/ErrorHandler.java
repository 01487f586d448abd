package dev.plandev.cli;

import dev.plandev.cli.invocation.Invocation;
import dev.plandev.defaults.config.ConfigException;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.PlandevException;
import dev.plandev.plans.PlanException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The one place where the CLI turns failures into a line on stderr and an exit code: 2 for usage
 * errors and bad input, 1 for everything else. Stack traces only with {@code --verbose}.
 */
final class ErrorHandler
    implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
  static final int FAILURE = 1;
  static final int USAGE = 2;
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

  private final Invocation invocation;

  ErrorHandler(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("plandev: " + e.getMessage());
    err.println(
        "Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
    return USAGE;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
    PrintWriter err = cl.getErr();
    int code;
    String message;
    if (e instanceof InvalidInputException || e instanceof ConfigException) {
      code = USAGE;
      message = e.getMessage();
    } else if (e instanceof PlandevException) {
      code = FAILURE;
      message = e.getMessage();
    } else if (e instanceof PlanException p) {
      code = p.exitCode();
      message = e.getMessage();
    } else if (e instanceof CommandLine.ParameterException pe) {
      return handleParseException(pe, new String[0]);
    } else {
      code = FAILURE;
      message =
          "unexpected error: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + (invocation.verbose() ? "" : " (run again with --verbose for details)");
    }
    err.println("plandev: " + message);
    if (invocation.verbose()) {
      e.printStackTrace(err);
    }
    LOG.warn("command failed with exit code {}: {}", code, message, e);
    return code;
  }
}
