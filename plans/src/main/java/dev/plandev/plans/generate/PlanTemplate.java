package dev.plandev.plans.generate;

import java.util.List;
import java.util.Objects;

/**
 * A template loaded from a folder: its prompts and the files it writes.
 *
 * <p>A folder holds {@code prompts.yaml} (a description and the prompts) and template files, each
 * starting with a front matter whose {@code to:} gives the output path. Built-in templates live in
 * the classpath under {@code templates/<name>/<language>/}; user templates in {@code
 * ./_templates/<name>/<language>/} or {@code ./_templates/<name>/} (any language).
 */
public final class PlanTemplate {
  private final String name;
  private final String language;
  private final String description;
  private final List<Prompt> prompts;
  private final List<TemplateFile> files;
  private final String origin;

  PlanTemplate(
      String name,
      String language,
      String description,
      List<Prompt> prompts,
      List<TemplateFile> files,
      String origin) {
    this.name = Objects.requireNonNull(name);
    this.language = Objects.requireNonNull(language);
    this.description = description == null ? "" : description;
    this.prompts = List.copyOf(prompts);
    this.files = List.copyOf(files);
    this.origin = Objects.requireNonNull(origin);
  }

  /** The name given to {@code plandev new}, such as {@code plan-dev}. */
  public String name() {
    return name;
  }

  /** The language of its text ({@code fr}, {@code en}), or empty when it fits any language. */
  public String language() {
    return language;
  }

  /** One line telling what the template is for. */
  public String description() {
    return description;
  }

  /** The prompts, in the order they are asked. */
  public List<Prompt> prompts() {
    return prompts;
  }

  /** Where the template comes from: {@code built-in} or the folder it was read from. */
  public String origin() {
    return origin;
  }

  List<TemplateFile> files() {
    return files;
  }

  @Override
  public String toString() {
    return name + (language.isEmpty() ? "" : " (" + language + ")") + " from " + origin;
  }
}
