package dev.plandev.plans.hygen;

import dev.plandev.plans.generate.WorkingEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a hygen generator.
 *
 * @param templates the templates folder ({@link HygenTemplates#locate})
 * @param environment the working folder (files are written under it) and the context of defaults
 * @param words {@code GENERATOR ACTION[:SUBACTION] [NAME] [--var value ...]} as typed
 * @param variables what {@code process.env} holds for the templates' scripts
 * @param acceptDefaults take every default without asking ({@code --yes})
 * @param dryRun render and report, write nothing
 * @param overwrite overwrite existing files ({@code --force}; hygen's HYGEN_OVERWRITE)
 * @param allowShell run the templates' {@code sh} commands
 */
public record HygenRequest(
    Path templates,
    WorkingEnvironment environment,
    List<String> words,
    Map<String, String> variables,
    boolean acceptDefaults,
    boolean dryRun,
    boolean overwrite,
    boolean allowShell) {

  public HygenRequest {
    Objects.requireNonNull(templates, "templates");
    Objects.requireNonNull(environment, "environment");
    words = List.copyOf(words);
    variables = Map.copyOf(variables);
  }

  Path workingDir() {
    return environment.workingDir();
  }
}
