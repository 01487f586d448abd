package dev.plandev.mcp;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.plans.generate.GeneratedFile;
import dev.plandev.plans.generate.GenerationRequest;
import dev.plandev.plans.generate.GenerationResult;
import dev.plandev.plans.generate.PlanGenerator;
import dev.plandev.plans.generate.PromptInput;
import dev.plandev.plans.generate.TemplateCatalog;
import dev.plandev.plans.generate.WorkingEnvironment;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code plan_new}: generates a plan from a template with the given answers, every other prompt
 * taking its smart default, then teaches the engine what was used.
 *
 * <p>Generation runs twice when writing: first as a dry run, whose output paths are checked against
 * the plan roots (symbolic links included), then for real. The generator itself only refuses {@code
 * ..} in output paths; it knows nothing of roots.
 */
final class NewPlanTool implements PlandevTool {
  private static final String SESSION = ".plandev/new-session.json";

  private final PlanRoots roots;
  private final Supplier<SmartDefaults> engine;
  private final Clock clock;
  private final Object writes;
  private final Consumer<Path> created;

  NewPlanTool(
      PlanRoots roots,
      Supplier<SmartDefaults> engine,
      Clock clock,
      Object writes,
      Consumer<Path> created) {
    this.roots = roots;
    this.engine = engine;
    this.clock = clock;
    this.writes = writes;
    this.created = created;
  }

  @Override
  public String name() {
    return "plan_new";
  }

  @Override
  public ToolAnswer call(Arguments args, McpCaller caller) {
    String template = args.string("template");
    Map<String, String> answers = args.stringMap("answers");
    String lang = args.optionalString("lang").orElse(TemplateCatalog.FALLBACK_LANGUAGE);
    Path dir = args.optionalString("dir").map(roots::folder).orElse(roots.all().get(0));
    boolean dryRun = args.bool("dryRun", false);
    boolean force = args.bool("force", false);
    if (!dryRun) {
      Access.requireWrite(caller, name());
    }
    WorkingEnvironment detected = WorkingEnvironment.detect(dir);
    WorkingEnvironment env =
        new WorkingEnvironment(dir, detected.repository(), detected.user(), detected.os());
    List<Path> templateFolders = new ArrayList<>();
    templateFolders.add(dir.resolve("_templates"));
    roots.all().forEach(r -> templateFolders.add(r.resolve("_templates")));
    PlanGenerator generator =
        new PlanGenerator(
            TemplateCatalog.of(templateFolders),
            new EngineDefaultsClient(engine, FeedbackTool.SOURCE),
            clock);
    GenerationRequest.Builder request =
        GenerationRequest.builder(env)
            .template(template)
            .language(lang)
            .set(answers)
            .acceptDefaults(true)
            .force(force);
    synchronized (writes) {
      GenerationResult preview =
          generator.generate(request.dryRun(true).build(), PromptInput.none());
      if (dryRun) {
        return answer(dir, preview);
      }
      roots.requireWritable(dir.resolve(SESSION));
      for (GeneratedFile f : preview.files()) {
        roots.requireWritable(dir.resolve(f.path()));
      }
      GenerationResult result =
          generator.generate(request.dryRun(false).build(), PromptInput.none());
      result.files().forEach(f -> created.accept(dir.resolve(f.path())));
      return answer(dir, result);
    }
  }

  private ToolAnswer answer(Path dir, GenerationResult result) {
    StringBuilder text = new StringBuilder();
    List<Object> files = new ArrayList<>();
    for (GeneratedFile f : result.files()) {
      String uri = PlanResources.uri(roots.relative(dir.resolve(f.path())));
      files.add(uri);
      if (result.written()) {
        text.append("created ").append(uri).append('\n');
      } else {
        text.append("--- ").append(uri).append(" (dry run, not written)\n").append(f.content());
      }
    }
    text.append("template ").append(result.template()).append("; answers: ");
    List<String> pairs = new ArrayList<>();
    result.answers().forEach((k, v) -> pairs.add(k + "=" + Quoted.of(v)));
    text.append(String.join(", ", pairs)).append('\n');
    result.warnings().forEach(w -> text.append("warning: ").append(w).append('\n'));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("files", files);
    out.put("written", result.written());
    out.put("template", result.template().name());
    out.put("lang", result.template().language());
    out.put("answers", result.answers());
    out.put("warnings", result.warnings());
    return new ToolAnswer(text.toString(), out);
  }
}
