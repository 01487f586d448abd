package dev.plandev.plans.edit;

import dev.plandev.plans.PlanException;
import java.util.List;

/** No section of a plan has the id a command was given. */
public final class UnknownSectionException extends PlanException {
  private static final long serialVersionUID = 1L;

  UnknownSectionException(String id, String plan, List<String> ids) {
    super(
        "no section '"
            + id
            + "' in "
            + plan
            + (ids.isEmpty()
                ? "; it has no headings, so add the task under a heading first"
                : "; its section ids are " + String.join(", ", ids)));
  }
}
