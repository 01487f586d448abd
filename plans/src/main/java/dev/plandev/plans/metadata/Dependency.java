package dev.plandev.plans.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A task another task waits for: a task id of the same plan ({@code 1.4}, {@code 2.1#3}), or of
 * another plan named by its file relative to this plan's folder ({@code other-plan.md#2.1}).
 *
 * @param plan the other plan's relative file name, or null for the same plan
 * @param taskId the task id, as {@code check} and {@code next} show it
 */
public record Dependency(String plan, String taskId) {
  private static final String PLAN_SUFFIX = ".md#";

  /** Validates that the task id is not blank. */
  public Dependency {
    if (taskId == null || taskId.isBlank()) {
      throw new IllegalArgumentException("dependency needs a task id: " + plan + "#" + taskId);
    }
  }

  /**
   * Reads a {@code #depends:} value: ids separated by commas or semicolons. Empty parts are
   * skipped.
   */
  public static List<Dependency> parseList(String value) {
    List<Dependency> out = new ArrayList<>();
    for (String part : value.split("[,;]")) {
      String ref = part.strip();
      if (ref.isEmpty()) {
        continue;
      }
      int split = ref.toLowerCase(java.util.Locale.ROOT).lastIndexOf(PLAN_SUFFIX);
      if (split > 0 && split + PLAN_SUFFIX.length() < ref.length()) {
        out.add(
            new Dependency(
                ref.substring(0, split + 3), ref.substring(split + PLAN_SUFFIX.length())));
      } else {
        out.add(new Dependency(null, ref));
      }
    }
    return out;
  }

  /** The other plan's file name, when the task is in another plan. */
  public Optional<String> otherPlan() {
    return Optional.ofNullable(plan);
  }

  /** {@code 1.4} or {@code other-plan.md#2.1}, as written in a tag. */
  @Override
  public String toString() {
    return plan == null ? taskId : plan + "#" + taskId;
  }
}
