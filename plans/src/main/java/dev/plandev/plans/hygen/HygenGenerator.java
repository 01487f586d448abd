package dev.plandev.plans.hygen;

import dev.plandev.plans.generate.DefaultsClient;
import dev.plandev.plans.generate.PromptInput;
import dev.plandev.plans.hygen.script.ScriptSandbox;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a hygen generator unchanged and writes what hygen 6.2.11 writes: resolves {@code GENERATOR
 * ACTION[:SUBACTION] [NAME]} (or the generator's {@code _default} action), reads the options,
 * answers the prompt file with smart defaults, renders the templates and carries out their actions,
 * then tells the engine the answers.
 *
 * <pre>{@code
 * Path templates = HygenTemplates.locate(workingDir, System.getenv()).orElseThrow();
 * HygenRequest request =
 *     new HygenRequest(
 *         templates,
 *         WorkingEnvironment.detect(workingDir),
 *         List.of("component", "new", "--name", "Button"),
 *         System.getenv(),
 *         true, // --yes
 *         false, // --dry-run
 *         false, // --force
 *         false); // --allow-shell
 * HygenResult result =
 *     new HygenGenerator(defaults, Clock.systemUTC(), new PrintWriter(System.err, true))
 *         .run(request, PromptInput.none());
 * }</pre>
 */
public final class HygenGenerator {
  private final DefaultsClient defaults;
  private final Clock clock;
  private final PrintWriter console;

  /**
   * @param console where the templates' {@code console.log} writes
   */
  public HygenGenerator(DefaultsClient defaults, Clock clock, PrintWriter console) {
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.console = Objects.requireNonNull(console, "console");
  }

  /**
   * Runs one generation.
   *
   * @throws TemplateProblemException naming the template file and line of what cannot be run
   */
  public HygenResult run(HygenRequest request, PromptInput input) {
    Path templates = request.templates().toAbsolutePath().normalize();
    CommandLineArguments argv = CommandLineArguments.parse(request.words());
    List<Object> words = argv.positionals();
    String generator = words.size() > 0 ? String.valueOf(words.get(0)) : null;
    String action = words.size() > 1 ? String.valueOf(words.get(1)) : null;
    Object name = words.size() > 2 ? words.get(2) : null;
    if (generator != null
        && (action == null || !Files.isDirectory(templates.resolve(generator).resolve(action)))
        && Files.isDirectory(templates.resolve(generator).resolve(HygenTemplates.DEFAULT_ACTION))) {
      name = action;
      action = HygenTemplates.DEFAULT_ACTION;
    }
    if (generator == null || action == null) {
      throw new TemplateProblemException(
          "name a generator and an action: plandev new GENERATOR ACTION [NAME] [--var value ...]");
    }
    String[] actionParts = action.split(":", 2);
    String subaction = actionParts.length > 1 ? actionParts[1] : null;
    Path actionFolder = templates.resolve(generator).resolve(actionParts[0]).normalize();
    if (!actionFolder.startsWith(templates) || !Files.isDirectory(actionFolder)) {
      throw new TemplateProblemException(
          "no action '" + action + "' for generator '" + generator + "' in " + templates);
    }
    Path shownFrom = templates.getParent() == null ? templates : templates.getParent();
    Map<String, String> context =
        request.environment().defaultsContext("hygen/" + generator + "/" + action, "");
    try (ScriptSandbox sandbox =
        ScriptSandbox.open(templates, request.variables(), request.workingDir(), console, clock)) {
      Object config = loadConfig(sandbox, request.workingDir());
      Map<String, Object> args = new LinkedHashMap<>();
      if (name != null) {
        args.put("name", name);
      }
      args.putAll(argv.options());
      HygenSession session =
          HygenSession.start(request.workingDir(), request.words(), !request.dryRun());
      HygenPrompter prompter =
          new HygenPrompter(
              sandbox,
              defaults,
              context,
              input,
              request.acceptDefaults(),
              generator,
              action,
              session);
      Object answers = sandbox.toJava(prompter.answer(actionFolder, args));
      Map<String, Object> locals = new LinkedHashMap<>();
      locals.put("templates", templates.toString());
      locals.put("actionfolder", actionFolder.toString());
      locals.put("generator", generator);
      locals.put("action", action);
      locals.put("subaction", subaction);
      locals.put("_", words);
      String ts = request.variables().get("HYGEN_TS");
      locals.put("ts", ts != null && !ts.isEmpty() ? ts : (double) clock.millis());
      locals.putAll(argv.options());
      if (name != null) {
        locals.put("name", name);
      }
      if (answers instanceof Map<?, ?> m) {
        m.forEach((k, v) -> locals.put(String.valueOf(k), v));
      }
      locals.put("cwd", request.workingDir().toAbsolutePath().normalize().toString());
      Object renderContext = sandbox.call(sandbox.builtIn("context"), locals, config);
      List<TemplateFiles.RenderedAction> rendered =
          new TemplateFiles(sandbox, shownFrom).render(actionFolder, subaction, renderContext);
      Actions actions = new Actions(sandbox, templates, request, input);
      List<Outcome> outcomes = actions.execute(rendered, shownFrom);
      Map<String, String> answerTexts = new LinkedHashMap<>();
      for (HygenPrompter.Answered a : prompter.answered()) {
        answerTexts.put(a.key(), a.value());
      }
      if (!request.dryRun()) {
        learn(prompter.answered(), context);
      }
      session.delete();
      List<String> messages = new ArrayList<>(actions.messages());
      prompter.warnings().forEach(w -> messages.add("warning: " + w));
      return new HygenResult(generator, action, outcomes, answerTexts, messages, !request.dryRun());
    }
  }

  private static Object loadConfig(ScriptSandbox sandbox, Path workingDir) {
    Optional<Path> file = HygenTemplates.config(workingDir);
    if (file.isEmpty()) {
      return null;
    }
    sandbox.allow(file.get());
    return sandbox.require(file.get());
  }

  private void learn(List<HygenPrompter.Answered> answered, Map<String, String> context) {
    for (HygenPrompter.Answered a : answered) {
      try {
        if (a.suggestion() != null && a.suggestion().equals(a.value())) {
          defaults.feedback(a.key(), context, a.value(), DefaultsClient.ACCEPTED, a.suggestion());
          continue;
        }
        if (!a.value().isEmpty()) {
          defaults.feedback(a.key(), context, a.value(), DefaultsClient.CHOSEN, a.suggestion());
        }
        if (a.suggestion() != null) {
          defaults.feedback(
              a.key(), context, a.suggestion(), DefaultsClient.REJECTED, a.suggestion());
        }
      } catch (RuntimeException e) {
        // learning is best effort: the files are written, the next suggestion is only less apt
        console.println(
            "warning: could not record the answer to " + a.key() + ": " + e.getMessage());
      }
    }
  }
}
