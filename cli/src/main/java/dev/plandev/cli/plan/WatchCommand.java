package dev.plandev.cli.plan;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.PlanException;
import dev.plandev.plans.lint.LintFinding;
import dev.plandev.plans.lint.Linter;
import dev.plandev.plans.lint.Severity;
import dev.plandev.plans.progress.ProgressSync;
import dev.plandev.plans.watch.PlanEvent;
import dev.plandev.plans.watch.PlanWatcher;
import dev.plandev.plans.watch.SettledSync;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plandev watch DIR}: on every change of a plan under DIR, syncs it (with {@code --sync})
 * and lints it, printing one line per event, until Ctrl-C.
 *
 * <p>A changed plan is only touched once it has settled (same size, time and content for {@code
 * --settle}), and the sync writes only if the file still holds that content: rewriting a file that
 * an editor is still writing would make the rest of its write land in a file that no longer has the
 * name, leaving the plan cut short.
 */
@Command(
    name = "watch",
    description = "Sync (--sync) and lint plans under a folder whenever they change.",
    mixinStandardHelpOptions = true)
final class WatchCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "Folder to watch, sub-folders included.")
  Path dir;

  @Option(names = "--sync", description = "Rewrite stale progress lines of changed plans.")
  boolean sync;

  @Option(
      names = "--debounce",
      paramLabel = "MILLIS",
      description = "Quiet time before a changed file is handled (default: 300).")
  long debounceMillis = 300;

  @Option(
      names = "--settle",
      paramLabel = "MILLIS",
      description =
          "How long a changed file must then keep the same size, time and content before it is"
              + " handled, so a file still being written is left alone (default: 1000).")
  long settleMillis = 1000;

  Clock clock = Clock.systemDefaultZone();
  private volatile PlanWatcher watcher;

  /** Content last handled per file, so our own sync write does not echo as a second event. */
  private final Map<Path, byte[]> handled = new HashMap<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    watcher =
        new PlanWatcher(
            dir,
            Duration.ofMillis(debounceMillis),
            Duration.ofMillis(settleMillis),
            clock,
            this::onEvent);
    Thread stopOnCtrlC = new Thread(watcher::close, "plandev-watch-stop");
    Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
    out.println("watching " + dir + (sync ? " (sync on)" : "") + "; Ctrl-C to stop");
    out.flush();
    try {
      watcher.run();
    } finally {
      watcher.close();
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnCtrlC);
      } catch (IllegalStateException ignored) {
        // Already shutting down (Ctrl-C): the hook is what stopped us.
      }
    }
    out.println("stopped watching " + dir);
    out.flush();
    return 0;
  }

  /** Stops a running watch; used by tests in place of Ctrl-C. */
  void stop() {
    PlanWatcher running = watcher;
    if (running != null) {
      running.close();
    }
  }

  private void onEvent(PlanEvent event) {
    PrintWriter out = spec.commandLine().getOut();
    String time = LocalTime.now(clock).format(TIME);
    Path file = event.file();
    if (event.kind() == PlanEvent.Kind.DELETED) {
      handled.remove(file);
      out.println(time + " " + file + ": deleted");
      out.flush();
      return;
    }
    try {
      PlanDocument plan = PlanDocument.parse(file);
      if (Arrays.equals(handled.get(file), plan.bytes()) || !event.settledAs(plan.bytes())) {
        // Our own write echoing, or written again since it settled: that write has its own event.
        return;
      }
      int synced = 0;
      if (sync && !ProgressSync.staleLines(plan).isEmpty()) {
        SettledSync.Outcome done = SettledSync.apply(event);
        if (done.writtenMeanwhile()) {
          return;
        }
        plan = done.plan();
        synced = done.syncedLines();
      }
      handled.put(file, plan.bytes());
      List<LintFinding> findings = Linter.lint(plan, file.toString());
      long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
      out.printf(
          "%s %s: %s, %s, %d error(s), %d warning(s)%n",
          time,
          file,
          plan.progress(),
          sync ? synced + " progress line(s) synced" : "not synced",
          errors,
          findings.size() - errors);
    } catch (PlanException e) {
      out.println(time + " " + file + ": " + e.getMessage());
    }
    out.flush();
  }
}
