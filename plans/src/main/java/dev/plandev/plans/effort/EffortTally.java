package dev.plandev.plans.effort;

import dev.plandev.plans.metadata.Effort;

/**
 * The effort of a set of tasks, from their {@code #time:} tags (also {@code #temps}, {@code
 * #duration}, {@code #durée}).
 *
 * <p>Only tasks counted in progress take part: cancelled and deferred tasks are left out, as they
 * are of done/total. A task without an effort tag (or with one that does not parse) adds nothing
 * and is counted in {@code unestimated}, so a reader knows how much the figures leave out.
 *
 * @param total effort of every counted task
 * @param done effort of the done ones
 * @param unestimated counted tasks without a readable effort
 * @param blocked tasks not done that are tagged {@code #status:blocked} or wait on a dependency
 *     that is not done
 */
public record EffortTally(Effort total, Effort done, int unestimated, int blocked) {
  /** No tasks. */
  public static final EffortTally NONE = new EffortTally(Effort.NONE, Effort.NONE, 0, 0);

  /** Validates that done is at most total. */
  public EffortTally {
    if (done.minutes() > total.minutes()) {
      throw new IllegalArgumentException("done effort " + done + " exceeds total " + total);
    }
  }

  /** Effort still to do: total less done. */
  public Effort remaining() {
    return new Effort(total.minutes() - done.minutes());
  }

  /** Whether any counted task carries an effort. */
  public boolean estimated() {
    return total.minutes() > 0;
  }

  /** The sum of both tallies. */
  public EffortTally plus(EffortTally other) {
    return new EffortTally(
        total.plus(other.total),
        done.plus(other.done),
        unestimated + other.unestimated,
        blocked + other.blocked);
  }
}
