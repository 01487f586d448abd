package dev.plandev.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plandev.cli.AwaitableOutput;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WatchCommandTest {
  /** A deadline for a watcher that never reacts, not a figure under test. */
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void watch_syncsAndLintsChangedPlans_oneLinePerEvent() throws Exception {
    WatchCommand command = new WatchCommand();
    AwaitableOutput out = new AwaitableOutput();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    AtomicInteger exit = new AtomicInteger(-1);
    Thread runner =
        new Thread(
            () -> exit.set(cl.execute(dir.toString(), "--sync", "--debounce", "50")), "watch-test");
    runner.start();
    awaitOutput(out, "watching ");

    Path plan = dir.resolve("plan.md");
    Files.writeString(plan, "## 1. A\n*Progression: 0%*\n- [x] a\n- [ ] b\n");
    awaitOutput(out, "plan.md: 1/2 50.0%");
    awaitContent(plan, "*Progression: 50%*");
    Files.delete(plan);
    awaitOutput(out, "plan.md: deleted");

    command.stop();
    runner.join(5000);
    assertThat(exit.get()).isZero();
    assertThat(out.toString())
        .contains("1 progress line(s) synced, 0 error(s), 0 warning(s)")
        .contains("stopped watching");
    assertThat(out.toString().lines().filter(l -> l.contains("plan.md: 1/2")).count())
        .as("our own sync write is not a second event")
        .isEqualTo(1);
  }

  private static void awaitOutput(AwaitableOutput out, String text) throws InterruptedException {
    out.await(text, PATIENCE);
  }

  /** The sync's write to the file sends no event the test can hear: ask until it is there. */
  private static void awaitContent(Path file, String text) {
    await("sync of " + file)
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(10))
        .until(() -> Files.readString(file), content -> content.contains(text));
  }
}
