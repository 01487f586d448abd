package dev.plandev.plans.progress;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.TextEdit;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the progress lines of a plan to the true done/total of their sections.
 *
 * <p>Idempotent: a synced plan has no stale line, so syncing it again changes nothing. Lines of
 * sections without tasks are left alone (see {@link ProgressLine#applies()}).
 */
public final class ProgressSync {
  private ProgressSync() {}

  /** Progress lines whose numbers disagree with their section's tasks. */
  public static List<ProgressLine> staleLines(PlanDocument plan) {
    return ProgressLine.findAll(plan).stream().filter(ProgressLine::isStale).toList();
  }

  /** A copy of {@code plan} with every stale progress line made true; only numbers change. */
  public static PlanDocument sync(PlanDocument plan) {
    List<TextEdit> edits = new ArrayList<>();
    for (ProgressLine line : staleLines(plan)) {
      edits.addAll(line.edits());
    }
    return plan.apply(edits);
  }
}
