package dev.plandev.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real processes check different tasks of one plan at the same time: every check must land,
 * which only a lock shared between processes (not a JVM's own) and a re-read before writing give.
 */
public class ConcurrentPlanEditTest {
  public static final int TOGGLES = 200;

  @TempDir Path dir;

  /** The text of task {@code i} of a series; also the fragment that finds it. */
  public static String task(String prefix, int i) {
    return String.format("%s-%03d", prefix, i);
  }

  /** A plan with {@link #TOGGLES} open tasks per prefix, in one section each. */
  public static Path writePlan(Path dir, String... prefixes) throws IOException {
    StringBuilder text = new StringBuilder("# Concurrent plan\n\n");
    for (String prefix : prefixes) {
      text.append("## ").append(prefix).append("\n\n");
      for (int i = 0; i < TOGGLES; i++) {
        text.append("- [ ] ").append(task(prefix, i)).append('\n');
      }
      text.append('\n');
    }
    Path plan = dir.resolve("plan.md");
    Files.writeString(plan, text);
    return plan;
  }

  /** How many tasks of a series are checked in the file now. */
  public static long checked(Path plan, String prefix) throws IOException {
    return Files.readString(plan).lines().filter(l -> l.startsWith("- [x] " + prefix)).count();
  }

  /** Starts {@link CheckLoop} in a JVM of its own and waits until it is ready. */
  public static Process startCheckLoop(Path plan, String prefix) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CheckLoop.class.getName());
    command.addAll(List.of(plan.toString(), prefix, Integer.toString(TOGGLES)));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String first = reader(p).readLine();
    assertThat(first).as("child's first line").isEqualTo("ready");
    return p;
  }

  /** Tells a started {@link CheckLoop} to begin. */
  public static void go(Process p) throws IOException {
    OutputStream in = p.getOutputStream();
    in.write("go\n".getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /** Waits for the child and returns its exit code with what it printed. */
  public static String finish(Process p) throws Exception {
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("child finished").isTrue();
    StringBuilder out = new StringBuilder();
    reader(p).lines().forEach(l -> out.append(l).append('\n'));
    return "exit " + p.exitValue() + "\n" + out;
  }

  private static BufferedReader reader(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }

  @Test
  void twoProcesses_checkingDifferentTasks_loseNoCheck() throws Exception {
    Path plan = writePlan(dir, "alpha", "beta");
    Process alpha = startCheckLoop(plan, "alpha");
    Process beta = startCheckLoop(plan, "beta");
    go(alpha);
    go(beta);

    String alphaRun = finish(alpha);
    String betaRun = finish(beta);

    assertThat(checked(plan, "alpha") + checked(plan, "beta"))
        .as("checks that landed; alpha: %s beta: %s", alphaRun, betaRun)
        .isEqualTo(2L * TOGGLES);
    assertThat(alphaRun).startsWith("exit 0\n");
    assertThat(betaRun).startsWith("exit 0\n");
    assertThat(Files.list(dir)).containsExactly(plan);
  }
}
