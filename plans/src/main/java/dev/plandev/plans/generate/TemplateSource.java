package dev.plandev.plans.generate;

import java.util.Map;
import java.util.Set;

/** A place templates are read from: a user folder or the built-ins of the classpath. */
interface TemplateSource {

  /** {@code built-in} or the folder, for listings and messages. */
  String origin();

  /** The template names with their languages; the empty language means any language. */
  Map<String, Set<String>> names();

  /** Reads one template in one of the languages {@link #names()} gave for it. */
  PlanTemplate load(String name, String language);
}
