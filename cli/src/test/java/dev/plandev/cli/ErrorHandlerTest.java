package dev.plandev.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.cli.invocation.Environment;
import dev.plandev.cli.invocation.Invocation;
import dev.plandev.plans.generate.PromptInterruptedException;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** How the error handler maps failures nobody foresaw and interruptions. */
class ErrorHandlerTest {
  @TempDir Path dir;

  @Command(name = "failing")
  static final class Failing implements Callable<Integer> {
    private final Supplier<RuntimeException> failure;

    Failing(Supplier<RuntimeException> failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() {
      throw failure.get();
    }
  }

  record Run(int code, String err) {}

  private Run run(Supplier<RuntimeException> failure, String... args) {
    StringWriter err = new StringWriter();
    Environment env =
        new Environment(
            Map.of(),
            dir,
            dir,
            "Linux",
            Clock.systemUTC(),
            new ByteArrayInputStream(new byte[0]),
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            false);
    Invocation invocation = new Invocation(env);
    ErrorHandler handler = new ErrorHandler(invocation);
    CommandLine cl = new CommandLine(new Failing(failure));
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionExceptionHandler(handler);
    int code = cl.execute(args);
    return new Run(code, err.toString());
  }

  @Test
  void unexpectedFailure_isOneLine_withAReference_andNoJavaClassNameNorMessage() {
    Run r = run(() -> new IllegalStateException("STOPPED"));

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().lines())
        .singleElement()
        .asString()
        .startsWith("plandev: the command stopped on an unexpected error (reference ")
        .contains("run it again with --verbose")
        .doesNotContain("IllegalStateException", "STOPPED");
  }

  @Test
  void interruptedCommand_exits130() {
    Run r = run(() -> new IllegalStateException("wait", new InterruptedException()));

    assertThat(r.code()).isEqualTo(130);
    assertThat(r.err()).isEqualTo("plandev: interrupted; nothing more was done\n");
  }

  @Test
  void ctrlCAtAPrompt_exits130_sayingHowToResume() {
    Run r =
        run(() -> new PromptInterruptedException("stopped at prompt 'title'; ... --resume", null));

    assertThat(r.code()).isEqualTo(130);
    assertThat(r.err()).contains("--resume");
  }

  @Test
  void aTimeoutIsNoInterruption() {
    Run r = run(() -> new IllegalStateException(new java.net.SocketTimeoutException("slow")));

    assertThat(r.code()).isEqualTo(1);
  }
}
