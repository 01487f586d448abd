package dev.plandev.plans;

/** No task of a plan matches the id or text fragment that was asked for. */
public final class TaskNotFoundException extends PlanException {
  private static final long serialVersionUID = 1L;

  TaskNotFoundException(String query, String plan) {
    super(
        "no task matches '"
            + query
            + "' in "
            + plan
            + "; use `plandev next "
            + plan
            + "` or a task id like 2.1#3");
  }
}
