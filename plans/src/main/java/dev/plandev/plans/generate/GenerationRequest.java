package dev.plandev.plans.generate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to generate and how: built with {@link #builder(WorkingEnvironment)}.
 *
 * @param template the template name; null to take it from the session being resumed
 * @param language the wanted language ({@code fr}, {@code en}); null for the session's or French
 * @param environment where, and by whom
 * @param answers answers given up front ({@code --set name=value}), by prompt name
 * @param acceptDefaults take every default without asking ({@code --yes})
 * @param dryRun render only: write no file, keep no session, learn nothing
 * @param force overwrite existing files
 * @param resume continue the interrupted session of the working folder
 */
public record GenerationRequest(
    String template,
    String language,
    WorkingEnvironment environment,
    Map<String, String> answers,
    boolean acceptDefaults,
    boolean dryRun,
    boolean force,
    boolean resume) {

  public GenerationRequest {
    Objects.requireNonNull(environment, "environment");
    answers = Map.copyOf(answers);
    if (template == null && !resume) {
      throw new IllegalArgumentException("a template name is needed unless resuming");
    }
  }

  /** A request in this environment; set at least the template or {@code resume}. */
  public static Builder builder(WorkingEnvironment environment) {
    return new Builder(environment);
  }

  /** Collects the fields of a {@link GenerationRequest}. */
  public static final class Builder {
    private final WorkingEnvironment environment;
    private final Map<String, String> answers = new LinkedHashMap<>();
    private String template;
    private String language;
    private boolean acceptDefaults;
    private boolean dryRun;
    private boolean force;
    private boolean resume;

    private Builder(WorkingEnvironment environment) {
      this.environment = environment;
    }

    public Builder template(String name) {
      this.template = name;
      return this;
    }

    public Builder language(String lang) {
      this.language = lang;
      return this;
    }

    /** Answers one prompt up front. */
    public Builder set(String prompt, String value) {
      answers.put(prompt, value);
      return this;
    }

    /** Answers several prompts up front. */
    public Builder set(Map<String, String> values) {
      answers.putAll(values);
      return this;
    }

    public Builder acceptDefaults(boolean yes) {
      this.acceptDefaults = yes;
      return this;
    }

    public Builder dryRun(boolean dry) {
      this.dryRun = dry;
      return this;
    }

    public Builder force(boolean overwrite) {
      this.force = overwrite;
      return this;
    }

    public Builder resume(boolean again) {
      this.resume = again;
      return this;
    }

    public GenerationRequest build() {
      return new GenerationRequest(
          template, language, environment, answers, acceptDefaults, dryRun, force, resume);
    }
  }
}
