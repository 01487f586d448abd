package dev.plandev.plans;

import java.util.Locale;

/**
 * How many of a set of tasks are done.
 *
 * <p>Percentages are rounded half up, except that a set with an open task never shows 100: a plan
 * at 199/200 reads 99%, not "finished".
 *
 * @param done checked tasks
 * @param total all tasks
 */
public record Progress(int done, int total) {
  /** No tasks at all. */
  public static final Progress NONE = new Progress(0, 0);

  /** Validates that {@code 0 <= done <= total}. */
  public Progress {
    if (done < 0 || done > total) {
      throw new IllegalArgumentException("done must be in [0, total]: " + done + "/" + total);
    }
  }

  /** Adds two counts. */
  public Progress plus(Progress other) {
    return new Progress(done + other.done, total + other.total);
  }

  /** Percentage done with one decimal (0.0 when there are no tasks). */
  public double percent() {
    if (total == 0) {
      return 0.0;
    }
    double tenths = Math.round(done * 1000.0 / total);
    if (done < total && tenths >= 1000) {
      tenths = 999;
    }
    return tenths / 10.0;
  }

  /** Whole percentage (0 when there are no tasks). */
  public int wholePercent() {
    if (total == 0) {
      return 0;
    }
    long whole = Math.round(done * 100.0 / total);
    return (int) (done < total && whole >= 100 ? 99 : whole);
  }

  /** Whether every task is done (false when there are none). */
  public boolean complete() {
    return total > 0 && done == total;
  }

  /** {@code done/total percent%}, e.g. {@code 3/9 33.3%}. */
  @Override
  public String toString() {
    return done + "/" + total + " " + String.format(Locale.ROOT, "%.1f%%", percent());
  }
}
