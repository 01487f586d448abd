package dev.plandev.plans.generate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Generates plans from templates: asks the prompts with smart defaults, renders the files, writes
 * them, then tells the Smart Defaults engine what was answered so that the next defaults fit
 * better.
 *
 * <pre>{@code
 * PlanGenerator generator =
 *     new PlanGenerator(TemplateCatalog.builtIn(), defaults, Clock.systemDefaultZone());
 * GenerationResult result =
 *     generator.generate(
 *         GenerationRequest.builder(WorkingEnvironment.detect(dir))
 *             .template("plan-dev")
 *             .language("fr")
 *             .set("title", "Cache Redis")
 *             .acceptDefaults(true)
 *             .build(),
 *         PromptInput.none());
 * }</pre>
 *
 * <p>Learning happens once the files are written: for each prompt, {@code accepted} when the answer
 * is the suggestion; otherwise {@code chosen} for the answer and {@code rejected} for the
 * suggestion it replaced. A dry run or a failed generation teaches nothing, and an interrupted one
 * teaches once, when it is resumed and finished.
 */
public final class PlanGenerator {
  private final TemplateCatalog catalog;
  private final DefaultsClient defaults;
  private final Clock clock;
  private final TemplateRenderer renderer = new TemplateRenderer();

  public PlanGenerator(TemplateCatalog catalog, DefaultsClient defaults, Clock clock) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Runs one generation.
   *
   * @throws GenerateException with a message saying what to do; its subclasses name what failed
   */
  public GenerationResult generate(GenerationRequest request, PromptInput input) {
    WorkingEnvironment env = request.environment();
    boolean persistent = !request.dryRun();
    List<String> warnings = new ArrayList<>();
    AnswerSession session;
    String templateName = request.template();
    String language = request.language();
    if (request.resume()) {
      session =
          AnswerSession.load(env.workingDir(), persistent)
              .orElseThrow(
                  () ->
                      new GenerationRequestException(
                          "no interrupted session to resume in "
                              + AnswerSession.FILE
                              + "; start one with plandev new TEMPLATE"));
      if (templateName != null && !templateName.equals(session.template())) {
        throw new GenerationRequestException(
            "the saved session is for template '"
                + session.template()
                + "', not '"
                + templateName
                + "'; resume it with plandev new --resume, or start again without --resume");
      }
      templateName = session.template();
      language = language == null ? session.language() : language;
    } else {
      if (AnswerSession.exists(env.workingDir()) && persistent) {
        warnings.add(
            "an unfinished session in " + AnswerSession.FILE + " was replaced by this one");
      }
      session = null;
    }
    PlanTemplate template =
        catalog.find(templateName, language == null ? TemplateCatalog.FALLBACK_LANGUAGE : language);
    if (session == null) {
      session =
          AnswerSession.start(env.workingDir(), persistent, template.name(), template.language());
    }
    GuardedDefaults guarded = new GuardedDefaults(defaults);
    Map<String, String> context = env.defaultsContext(template.name(), template.language());
    Map<String, Object> model = baseModel(template, env);
    Map<String, AnswerSession.Answer> answers =
        new AnswerCollector(template, guarded, context, renderer, model)
            .collect(request, input, session);

    OutputFiles output = new OutputFiles(renderer, env.workingDir());
    List<GeneratedFile> files = output.render(template, model);
    if (!request.dryRun()) {
      output.write(files, request.force());
      learn(template, answers, guarded, context);
      session.delete();
    }
    warnings.addAll(guarded.warnings());
    Map<String, String> values = new LinkedHashMap<>();
    answers.forEach((name, a) -> values.put(name, a.value()));
    return new GenerationResult(template, files, values, !request.dryRun(), warnings);
  }

  private Map<String, Object> baseModel(PlanTemplate template, WorkingEnvironment env) {
    LocalDate today = LocalDate.now(clock);
    Map<String, Object> model = new HashMap<>();
    model.put("today", today.toString());
    model.put("year", String.format("%04d", today.getYear()));
    model.put("month", String.format("%02d", today.getMonthValue()));
    model.put("template", template.name());
    model.put("lang", template.language());
    model.put("user", env.user());
    model.put("repository", env.repository());
    Object dirName = env.workingDir().getFileName();
    model.put("directory", dirName == null ? "" : dirName.toString());
    return model;
  }

  private static void learn(
      PlanTemplate template,
      Map<String, AnswerSession.Answer> answers,
      GuardedDefaults defaults,
      Map<String, String> context) {
    for (Prompt prompt : template.prompts()) {
      AnswerSession.Answer a = answers.get(prompt.name());
      if (a == null || !prompt.learn()) {
        continue;
      }
      String key = AnswerCollector.key(template.name(), prompt.name());
      String suggested = a.suggestion();
      if (suggested != null && suggested.equals(a.value())) {
        defaults.feedback(key, context, a.value(), DefaultsClient.ACCEPTED, suggested);
        continue;
      }
      if (!a.value().isEmpty()) {
        defaults.feedback(key, context, a.value(), DefaultsClient.CHOSEN, suggested);
      }
      if (suggested != null) {
        defaults.feedback(key, context, suggested, DefaultsClient.REJECTED, suggested);
      }
    }
  }
}
