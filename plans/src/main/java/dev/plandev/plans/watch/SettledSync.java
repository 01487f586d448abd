package dev.plandev.plans.watch;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.PlanFileEdit;
import dev.plandev.plans.progress.ProgressSync;

/**
 * Rewrites the stale progress lines of a plan the watcher reported, but only if the file still
 * holds the content that settled: checked under the file's lock, on the bytes the edit parsed, so a
 * program that started writing the file again meanwhile is never overwritten halfway.
 */
public final class SettledSync {
  /**
   * What became of the plan.
   *
   * @param plan the plan as it is on disk now
   * @param syncedLines how many progress lines were rewritten
   * @param writtenMeanwhile true when the file no longer held the settled content, so nothing was
   *     written; its new content comes as a later event
   */
  public record Outcome(PlanDocument plan, int syncedLines, boolean writtenMeanwhile) {}

  private SettledSync() {}

  /** Syncs the plan of {@code event} (a {@link PlanEvent.Kind#CHANGED} event). */
  public static Outcome apply(PlanEvent event) {
    return PlanFileEdit.apply(
        event.file(),
        plan -> {
          if (!event.settledAs(plan.bytes())) {
            return new PlanFileEdit.Change<>(plan, new Outcome(plan, 0, true));
          }
          PlanDocument updated = ProgressSync.sync(plan);
          int lines = ProgressSync.staleLines(plan).size();
          return new PlanFileEdit.Change<>(updated, new Outcome(updated, lines, false));
        });
  }
}
