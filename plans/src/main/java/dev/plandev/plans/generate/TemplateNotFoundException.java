package dev.plandev.plans.generate;

import java.util.Collection;

/** No template of that name in the user folders nor among the built-ins. */
public final class TemplateNotFoundException extends GenerateException {
  private static final long serialVersionUID = 1L;

  TemplateNotFoundException(String name, Collection<String> known) {
    super(
        "no template named '"
            + name
            + "'; known templates: "
            + String.join(", ", known)
            + " (plandev new --list shows them with their origin)");
  }
}
