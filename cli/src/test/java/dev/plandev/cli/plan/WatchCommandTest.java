package dev.plandev.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WatchCommandTest {
  @TempDir Path dir;

  @Test
  void watch_syncsAndLintsChangedPlans_oneLinePerEvent() throws Exception {
    WatchCommand command = new WatchCommand();
    StringWriter out = new StringWriter();
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

  private static void awaitOutput(StringWriter out, String text) throws InterruptedException {
    for (int i = 0; i < 200 && !out.toString().contains(text); i++) {
      Thread.sleep(25);
    }
    assertThat(out.toString()).contains(text);
  }

  private static void awaitContent(Path file, String text)
      throws InterruptedException, IOException {
    for (int i = 0; i < 200 && !Files.readString(file).contains(text); i++) {
      Thread.sleep(25);
    }
    assertThat(Files.readString(file)).contains(text);
  }
}
