package dev.plandev.defaults.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.config.PlandevConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM that takes a full backup ({@code full DATA_DIR}) or a restore ({@code restore
 * DATA_DIR ID TARGET}), printing each step as it begins and waiting on its standard input at each
 * one, so that a test can kill it with SIGKILL at a chosen step (no timing involved).
 */
public final class PausingBackupProcess {
  private PausingBackupProcess() {}

  public static void main(String[] args) throws Exception {
    PlandevConfig config = PlandevConfig.defaults().withDataDir(args[1]);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    BackupProgress pause =
        step -> {
          System.out.println("STEP " + step);
          System.out.flush();
          try {
            in.readLine();
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
        };
    Backups backups = Backups.of(config, Clock.systemUTC());
    if (args[0].equals("full")) {
      backups.full(pause);
    } else {
      backups.restore(args[2], Path.of(args[3]), false, pause);
    }
    System.out.println("DONE");
  }

  /** Lets {@code child} go on step by step until it reaches {@code step}, then kills it -9. */
  static void killAtPause(Process child, String step, List<String> seen) throws Exception {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.startsWith("STEP ")) {
          continue;
        }
        String now = line.substring(5);
        seen.add(now);
        if (now.equals(step)) {
          child.destroyForcibly(); // SIGKILL: no hook, no finally block runs
          break;
        }
        child.getOutputStream().write('\n');
        child.getOutputStream().flush();
      }
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(137);
    assertThat(seen).contains(step);
  }
}
