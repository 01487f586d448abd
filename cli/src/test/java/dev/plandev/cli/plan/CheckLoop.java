package dev.plandev.cli.plan;

import dev.plandev.cli.CliRun;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A child process for {@link ConcurrentPlanEditTest}: runs {@code plandev check PLAN <prefix>-NNN}
 * for NNN from 000 to COUNT-1 through the real command tree, after the test says "go" on stdin.
 * Prints each failed run and exits with the number of runs that did not exit 0.
 */
public final class CheckLoop {
  private CheckLoop() {}

  /** Arguments: plan file, task prefix, count. */
  public static void main(String[] args) throws Exception {
    Path plan = Path.of(args[0]);
    String prefix = args[1];
    int count = Integer.parseInt(args[2]);
    CliRun cli = new CliRun(plan.getParent());
    System.out.println("ready");
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    int failed = 0;
    for (int i = 0; i < count; i++) {
      CliRun.Result r = cli.run("check", plan.toString(), ConcurrentPlanEditTest.task(prefix, i));
      if (r.code() != 0) {
        failed++;
        System.out.println("exit " + r.code() + ": " + r.err().strip());
      }
    }
    System.out.println("done");
    System.out.flush();
    System.exit(Math.min(failed, 100));
  }
}
