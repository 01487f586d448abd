package dev.plandev.plans;

import java.util.List;
import java.util.stream.Collectors;

/** A text fragment matches several tasks of a plan, so the task to act on is not known. */
public final class AmbiguousTaskException extends PlanException {
  private static final long serialVersionUID = 1L;
  private static final int SHOWN = 8;

  AmbiguousTaskException(String query, String plan, List<Task> candidates) {
    super(message(query, plan, candidates));
  }

  private static String message(String query, String plan, List<Task> candidates) {
    String shown =
        candidates.stream()
            .limit(SHOWN)
            .map(t -> t.id() + " (line " + t.line() + ") " + abbreviate(t.text()))
            .collect(Collectors.joining("; "));
    String more = candidates.size() > SHOWN ? "; …" : "";
    return "'"
        + query
        + "' matches "
        + candidates.size()
        + " tasks in "
        + plan
        + ": "
        + shown
        + more
        + "; give a task id or a longer fragment";
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 59) + "…";
  }
}
