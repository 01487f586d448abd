package dev.plandev.cli.generate;

import dev.plandev.cli.invocation.Environment;
import dev.plandev.cli.invocation.Invocation;
import dev.plandev.cli.invocation.Project;
import dev.plandev.mcp.EngineDefaultsClient;
import dev.plandev.plans.generate.DefaultsClient;
import dev.plandev.plans.generate.GeneratedFile;
import dev.plandev.plans.generate.GenerationRequest;
import dev.plandev.plans.generate.GenerationResult;
import dev.plandev.plans.generate.HttpDefaultsClient;
import dev.plandev.plans.generate.PlanGenerator;
import dev.plandev.plans.generate.PromptInput;
import dev.plandev.plans.generate.TemplateCatalog;
import dev.plandev.plans.generate.TemplateSummary;
import dev.plandev.plans.generate.WorkingEnvironment;
import dev.plandev.plans.hygen.HygenRequest;
import dev.plandev.plans.hygen.HygenSession;
import dev.plandev.plans.hygen.HygenTemplateCopy;
import dev.plandev.plans.hygen.HygenTemplates;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plandev new TEMPLATE}: creates a plan from a template, asking its prompts with smart
 * defaults shown as hints and the engine's best values offered, then teaching the engine the
 * answers.
 */
@Command(
    name = "new",
    description = {
      "Create a plan from a template; each prompt's default comes from the smart defaults engine.",
      "Without a terminal nothing is asked: defaults are taken and missing required answers are"
          + " listed (exit 2).",
      "A prompt shows its default in brackets: Enter takes it, typing replaces it; the engine's"
          + " best values are listed with their confidence and a number picks one.",
      "Answers are learned under the key plan.TEMPLATE.PROMPT (plan.plan-dev.author);"
          + " plandev defaults list --learned shows them."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  plandev new plan-dev",
      "  plandev new plan-dev --yes --set title=\"Cache Redis\" --set phases=5",
      "  plandev new component new --name Button --yes     (hygen: _templates/component/new)",
      "  plandev new --copy-hygen plan-dev && plandev new plan-dev new --title \"Cache Redis\"",
      "  plandev new session --lang en --dry-run --yes --set title=Checkout",
      "  plandev new --resume",
      "  plandev new --list"
    })
final class NewCommand implements Callable<Integer> {
  static final String API_KEY_VARIABLE = "PLANDEV_API_KEY";

  /** The source recorded with the usage events of the answers given to {@code plandev new}. */
  static final String FEEDBACK_SOURCE = "cli";

  @Spec CommandSpec spec;

  // Help only, not the standard --version: hygen templates often ask for a version (--version v2).
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "TEMPLATE",
      description = "Template name (plandev new --list shows them)")
  String template;

  @Parameters(
      index = "1..*",
      arity = "0..*",
      paramLabel = "ARG",
      description =
          "For a hygen generator (_templates/GENERATOR/ACTION/*.ejs.t): ACTION[:SUBACTION] [NAME]"
              + " [--var value ...]; the options answer its prompts")
  List<String> hygenWords = new ArrayList<>();

  @Option(
      names = "--allow-shell",
      description = "Run the sh: commands of hygen templates (without it they are listed, not run)")
  boolean allowShell;

  @Option(
      names = "--copy-hygen",
      paramLabel = "GENERATOR",
      description =
          "Copy a built-in template in hygen format (plan-dev) into ./_templates, to edit it and"
              + " run it with plandev new GENERATOR new or with hygen")
  String copyHygen;

  @Option(names = "--list", description = "List the templates with their languages and origin")
  boolean list;

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      description = "Template language: fr or en (default: from the locale, fr otherwise)")
  String language;

  @Option(
      names = "--templates",
      paramLabel = "DIR",
      description =
          "Folder of user templates, searched before the project's _templates and the built-ins")
  Path templatesDir;

  @Option(
      names = {"-y", "--yes"},
      description = "Accept every default without asking")
  boolean yes;

  @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Answer a prompt (repeatable)")
  Map<String, String> answers = new LinkedHashMap<>();

  @Option(names = "--dry-run", description = "Print the files instead of writing them")
  boolean dryRun;

  @Option(names = "--resume", description = "Continue the interrupted session of this project")
  boolean resume;

  @Option(names = "--force", description = "Overwrite files that already exist")
  boolean force;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "Ask the plandev service at URL for defaults instead of the local store (API key from"
              + " $"
              + API_KEY_VARIABLE
              + ")")
  URI server;

  @Override
  public Integer call() {
    Invocation invocation = Invocation.of(spec);
    Environment env = invocation.environment();
    PrintWriter out = spec.commandLine().getOut();
    Project project = invocation.project();
    TemplateCatalog catalog = TemplateCatalog.of(userFolders(env, project));
    if (list) {
      printList(catalog.list(language != null ? language : localeLanguage()), out);
      return 0;
    }
    if (copyHygen != null) {
      Path templates = env.workingDir().resolve(Project.TEMPLATES_DIR);
      for (Path file : HygenTemplateCopy.copy(copyHygen, templates)) {
        out.println("created " + env.workingDir().relativize(file));
      }
      out.println("run it with: plandev new " + copyHygen + " new --title \"...\"");
      out.flush();
      return 0;
    }
    if (resume && template == null) {
      Optional<List<String>> resumed = HygenSession.resumeWords(env.workingDir());
      Optional<Path> hygenTemplates = HygenTemplates.locate(env.workingDir(), env.variables());
      if (resumed.isPresent() && hygenTemplates.isPresent()) {
        return runHygen(hygenTemplates.get(), resumed.get(), invocation, env);
      }
    }
    if (template == null && !resume) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "Missing TEMPLATE: name a template (plandev new --list shows them) or pass --resume");
    }
    if (template != null && !resume) {
      Optional<Path> hygenTemplates = HygenTemplates.locate(env.workingDir(), env.variables());
      String action = hygenWords.isEmpty() ? null : hygenWords.get(0);
      if (hygenTemplates.isPresent()
          && HygenTemplates.has(hygenTemplates.get(), template, action)) {
        List<String> words = new ArrayList<>();
        words.add(template);
        words.addAll(hygenWords);
        if (language != null) {
          words.add("--lang"); // --lang is plandev's option, and also a variable of hygen templates
          words.add(language);
        }
        return runHygen(hygenTemplates.get(), words, invocation, env);
      }
      if (action != null && action.startsWith("-")) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            "Unknown option: '" + action + "' (plandev new --help lists the options)");
      }
      if (!hygenWords.isEmpty()) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            "no hygen generator '"
                + template
                + "' with action '"
                + action
                + "' in "
                + hygenTemplates.map(Path::toString).orElse("a _templates folder here or above")
                + "; plandev templates take no more words (plandev new --list shows them)");
      }
    }
    if (language != null && template != null) {
      requireLanguage(catalog);
    }
    PlanGenerator generator =
        new PlanGenerator(catalog, defaultsClient(invocation, env), env.clock());
    GenerationRequest request =
        GenerationRequest.builder(workingEnvironment(env, project))
            .template(template)
            .language(language != null ? language : resume ? null : localeLanguage())
            .set(answers)
            .acceptDefaults(yes)
            .dryRun(dryRun)
            .force(force)
            .resume(resume)
            .build();
    GenerationResult result = withInput(env, input -> generator.generate(request, input));
    report(result, out, env, project);
    return 0;
  }

  /**
   * Runs a hygen generator from the working folder (where hygen writes), with {@code
   * generatorWords} ({@code GENERATOR ACTION ...}) and each {@code --set k=v} as {@code --k v}.
   */
  private int runHygen(
      Path templates, List<String> generatorWords, Invocation invocation, Environment env) {
    List<String> words = new ArrayList<>(generatorWords);
    answers.forEach(
        (k, v) -> {
          words.add("--" + k);
          words.add(v);
        });
    WorkingEnvironment detected = WorkingEnvironment.detect(env.workingDir());
    WorkingEnvironment where =
        new WorkingEnvironment(
            env.workingDir(), detected.repository(), env.user(detected.user()), detected.os());
    HygenRequest request =
        new HygenRequest(templates, where, words, env.variables(), yes, dryRun, force, allowShell);
    HygenRun run = new HygenRun(spec.commandLine().getOut(), spec.commandLine().getErr());
    if (server != null || !HygenTemplates.asks(templates, words)) {
      DefaultsClient defaults = defaultsClient(invocation, env);
      return withInput(env, input -> run.run(request, defaults, env.clock(), input));
    }
    return HygenRun.withEngineOpening(
        invocation,
        defaults -> withInput(env, input -> run.run(request, defaults, env.clock(), input)));
  }

  /** Runs {@code body} with a person's terminal as the prompts' input, when there is one. */
  private <T> T withInput(Environment env, Function<PromptInput, T> body) {
    try (Terminal terminal = env.terminal() ? PromptTerminal.open(env) : null) {
      PromptInput input =
          terminal != null && TerminalPromptInput.canEdit(terminal)
              ? new TerminalPromptInput(terminal, spec.commandLine().getErr())
              : PromptInput.none();
      return body.apply(input);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the terminal", e);
    }
  }

  /**
   * Refuses a language the template does not have, naming those it has, instead of quietly writing
   * the plan in another one.
   */
  private void requireLanguage(TemplateCatalog catalog) {
    Set<String> languages = catalog.languages(template);
    if (!languages.contains(language) && !languages.contains("")) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "template '"
              + template
              + "' has no language '"
              + language
              + "'; it has "
              + String.join(", ", new TreeSet<>(languages))
              + " (--lang "
              + new TreeSet<>(languages).first()
              + ")");
    }
  }

  private List<Path> userFolders(Environment env, Project project) {
    List<Path> folders = new ArrayList<>();
    if (templatesDir != null) {
      folders.add(env.resolve(templatesDir));
    }
    folders.add(project.resolve(Project.TEMPLATES_DIR));
    return folders;
  }

  private DefaultsClient defaultsClient(Invocation invocation, Environment env) {
    if (server != null) {
      return new HttpDefaultsClient(
          server, env.variables().get(API_KEY_VARIABLE), Duration.ofSeconds(3));
    }
    return new EngineDefaultsClient(invocation::defaults, FEEDBACK_SOURCE);
  }

  /**
   * The project folder is where plans are written and sessions kept, wherever in the project the
   * command runs, so that {@code --resume} finds the session from any of its folders.
   */
  private static WorkingEnvironment workingEnvironment(Environment env, Project project) {
    WorkingEnvironment detected = WorkingEnvironment.detect(project.root());
    return new WorkingEnvironment(
        detected.workingDir(), detected.repository(), env.user(detected.user()), detected.os());
  }

  private static String localeLanguage() {
    return TemplateCatalog.languageOf(Locale.getDefault());
  }

  private void report(GenerationResult result, PrintWriter out, Environment env, Project project) {
    PrintWriter err = spec.commandLine().getErr();
    result.warnings().forEach(w -> err.println("warning: " + w));
    if (!result.written()) {
      for (GeneratedFile f : result.files()) {
        out.println("--- " + shown(f.path(), env, project) + " (dry run, not written)");
        out.print(f.content());
      }
      out.flush();
      return;
    }
    List<Path> shown = result.files().stream().map(f -> shown(f.path(), env, project)).toList();
    shown.forEach(p -> out.println("created " + p));
    out.println(
        "template "
            + result.template()
            + "; progress lines are kept true by: plandev sync "
            + shown.get(0));
    out.flush();
  }

  /** A path of the project as the person can use it from the working directory. */
  private static Path shown(Path inProject, Environment env, Project project) {
    Path absolute = project.root().resolve(inProject).normalize();
    return absolute.startsWith(env.workingDir()) ? env.workingDir().relativize(absolute) : absolute;
  }

  private static void printList(List<TemplateSummary> templates, PrintWriter out) {
    int width = templates.stream().mapToInt(t -> t.name().length()).max().orElse(4);
    for (TemplateSummary t : templates) {
      String languages =
          t.languages().stream()
              .map(l -> l.isEmpty() ? "any" : l)
              .reduce((a, b) -> a + "," + b)
              .orElse("");
      out.printf(
          "%-" + width + "s  %-5s  %-8s  %s%n", t.name(), languages, t.origin(), t.description());
    }
    out.flush();
  }
}
