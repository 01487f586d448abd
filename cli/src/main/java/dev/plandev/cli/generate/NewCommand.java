package dev.plandev.cli.generate;

import dev.plandev.cli.invocation.Environment;
import dev.plandev.cli.invocation.Invocation;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plandev new TEMPLATE}: creates a plan from a template, asking its prompts with smart
 * defaults pre-filled, then teaching the engine what was answered.
 */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = {
      "Create a plan from a template; each prompt's default comes from the smart defaults engine.",
      "Without a terminal nothing is asked: defaults are taken and missing required answers are"
          + " listed (exit 2)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  plandev new plan-dev",
      "  plandev new plan-dev --yes --set title=\"Cache Redis\" --set phases=5",
      "  plandev new session --lang en --dry-run --yes --set title=Checkout",
      "  plandev new --resume",
      "  plandev new --list"
    })
final class NewCommand implements Callable<Integer> {
  static final String API_KEY_VARIABLE = "PLANDEV_API_KEY";

  /** The source recorded with the usage events of the answers given to {@code plandev new}. */
  static final String FEEDBACK_SOURCE = "cli";

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "TEMPLATE",
      description = "Template name (plandev new --list shows them)")
  String template;

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
      description = "Folder of user templates, searched before ./_templates and the built-ins")
  Path templatesDir;

  @Option(
      names = {"-y", "--yes"},
      description = "Accept every default without asking")
  boolean yes;

  @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Answer a prompt (repeatable)")
  Map<String, String> answers = new LinkedHashMap<>();

  @Option(names = "--dry-run", description = "Print the files instead of writing them")
  boolean dryRun;

  @Option(names = "--resume", description = "Continue the interrupted session of this folder")
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
    TemplateCatalog catalog = TemplateCatalog.of(userFolders(env));
    if (list) {
      printList(catalog.list(language != null ? language : localeLanguage()), out);
      return 0;
    }
    if (template == null && !resume) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "Missing TEMPLATE: name a template (plandev new --list shows them) or pass --resume");
    }
    if (language != null && template != null) {
      requireLanguage(catalog);
    }
    PlanGenerator generator =
        new PlanGenerator(catalog, defaultsClient(invocation, env), env.clock());
    GenerationRequest request =
        GenerationRequest.builder(workingEnvironment(env))
            .template(template)
            .language(language != null ? language : resume ? null : localeLanguage())
            .set(answers)
            .acceptDefaults(yes)
            .dryRun(dryRun)
            .force(force)
            .resume(resume)
            .build();
    GenerationResult result;
    try (Terminal terminal = env.terminal() ? openTerminal() : null) {
      PromptInput input =
          terminal != null && TerminalPromptInput.canEdit(terminal)
              ? new TerminalPromptInput(terminal, spec.commandLine().getErr())
              : PromptInput.none();
      result = generator.generate(request, input);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the terminal", e);
    }
    report(result, out);
    return 0;
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

  private List<Path> userFolders(Environment env) {
    List<Path> folders = new ArrayList<>();
    if (templatesDir != null) {
      folders.add(env.resolve(templatesDir));
    }
    folders.add(env.workingDir().resolve("_templates"));
    return folders;
  }

  private DefaultsClient defaultsClient(Invocation invocation, Environment env) {
    if (server != null) {
      return new HttpDefaultsClient(
          server, env.variables().get(API_KEY_VARIABLE), Duration.ofSeconds(3));
    }
    return new EngineDefaultsClient(invocation::defaults, FEEDBACK_SOURCE);
  }

  private static WorkingEnvironment workingEnvironment(Environment env) {
    WorkingEnvironment detected = WorkingEnvironment.detect(env.workingDir());
    return new WorkingEnvironment(
        detected.workingDir(), detected.repository(), env.user(detected.user()), detected.os());
  }

  private static String localeLanguage() {
    return TemplateCatalog.languageOf(Locale.getDefault());
  }

  private static Terminal openTerminal() throws IOException {
    return TerminalBuilder.builder().system(true).dumb(true).build();
  }

  private void report(GenerationResult result, PrintWriter out) {
    PrintWriter err = spec.commandLine().getErr();
    result.warnings().forEach(w -> err.println("warning: " + w));
    if (!result.written()) {
      for (GeneratedFile f : result.files()) {
        out.println("--- " + f.path() + " (dry run, not written)");
        out.print(f.content());
      }
      out.flush();
      return;
    }
    for (GeneratedFile f : result.files()) {
      out.println("created " + f.path());
    }
    out.println(
        "template "
            + result.template()
            + "; progress lines are kept true by: plandev sync "
            + result.files().get(0).path());
    out.flush();
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
