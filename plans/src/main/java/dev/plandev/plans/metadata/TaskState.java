package dev.plandev.plans.metadata;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a task stands: its checkbox says open or done, and a {@code #status:} tag refines an open
 * task into in progress, blocked, deferred or cancelled.
 *
 * <p>Cancelled and deferred tasks are not work this plan still has to do, so they leave the
 * progress denominator: a plan of 10 tasks with 8 done and 2 cancelled is complete. A checked box
 * stays done whatever the tag says, except that {@code #status:cancelled} wins over it, since
 * people tick cancelled tasks to get them out of the way.
 */
public enum TaskState {
  /** Unchecked, not started or with no status. */
  OPEN,
  /** Unchecked, {@code #status:in-progress} (or {@code en-cours}, {@code wip}, {@code doing}). */
  IN_PROGRESS,
  /** Unchecked, {@code #status:blocked} (or {@code bloqué}): waiting on something outside. */
  BLOCKED,
  /** Unchecked, {@code #status:deferred} (or {@code reporté}, {@code later}): not for now. */
  DEFERRED,
  /** {@code #status:cancelled} (or {@code annulé}, {@code abandoned}): will not be done. */
  CANCELLED,
  /** Checked box. */
  DONE;

  /** The state of a task with the given checkbox and metadata. */
  public static TaskState of(boolean checked, TaskMetadata metadata) {
    Optional<TaskState> tagged = metadata.status().flatMap(TaskState::parse);
    if (tagged.orElse(OPEN) == CANCELLED) {
      return CANCELLED;
    }
    if (checked) {
      return DONE;
    }
    // An unchecked box with #status:done is a contradiction lint reports; the box is the truth.
    return tagged.filter(s -> s != DONE).orElse(OPEN);
  }

  /** The state a {@code #status:} value names, ignoring case and accents; empty when none. */
  public static Optional<TaskState> parse(String value) {
    return Optional.ofNullable(
        switch (Words.plain(value)) {
          case "open", "todo", "to-do", "a-faire", "ouvert", "ouverte" -> OPEN;
          case "in-progress", "inprogress", "en-cours", "wip", "doing", "started", "commence" ->
              IN_PROGRESS;
          case "blocked", "bloque", "bloquee" -> BLOCKED;
          case "deferred", "reporte", "reportee", "differe", "differee", "later", "postponed" ->
              DEFERRED;
          case "cancelled", "canceled", "annule", "annulee", "abandoned", "abandonne" -> CANCELLED;
          case "done", "fait", "faite", "termine", "terminee", "complete", "completed" -> DONE;
          default -> null;
        });
  }

  /** The {@code #status:} values understood, in English, for messages about other values. */
  public static final String ACCEPTED =
      "open, in-progress, blocked, deferred, cancelled, done (or in French: a-faire, en-cours,"
          + " bloqué, reporté, annulé, fait)";

  /** Whether the task counts in progress figures (cancelled and deferred ones do not). */
  public boolean counted() {
    return this != CANCELLED && this != DEFERRED;
  }

  /**
   * Whether tasks that depend on this one may start: it is done, or cancelled (a cancelled task
   * will never be done, and waiting on it forever would hide its dependents).
   */
  public boolean releasesDependents() {
    return this == DONE || this == CANCELLED;
  }

  /** Whether someone could pick this task up now, dependencies aside. */
  public boolean workable() {
    return this == OPEN || this == IN_PROGRESS;
  }

  /** Lower-case name with a dash, e.g. {@code in-progress}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
