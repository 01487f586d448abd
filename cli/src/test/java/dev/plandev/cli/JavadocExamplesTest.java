package dev.plandev.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.backup.BackupProgress;
import dev.plandev.defaults.backup.Backups;
import dev.plandev.defaults.backup.Manifest;
import dev.plandev.defaults.backup.Restored;
import dev.plandev.defaults.config.ConfigLoader;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.Resolution;
import dev.plandev.mcp.McpAuthenticator;
import dev.plandev.mcp.McpCaller;
import dev.plandev.mcp.McpHttpEndpoint;
import dev.plandev.mcp.PlandevMcp;
import dev.plandev.plans.generate.DefaultsClient;
import dev.plandev.plans.generate.GenerationRequest;
import dev.plandev.plans.generate.GenerationResult;
import dev.plandev.plans.generate.PlanGenerator;
import dev.plandev.plans.generate.PlanTemplate;
import dev.plandev.plans.generate.PromptInput;
import dev.plandev.plans.generate.TemplateCatalog;
import dev.plandev.plans.generate.WorkingEnvironment;
import dev.plandev.plans.hygen.HygenGenerator;
import dev.plandev.plans.hygen.HygenRequest;
import dev.plandev.plans.hygen.HygenResult;
import dev.plandev.plans.hygen.HygenTemplates;
import dev.plandev.server.PlandevServer;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The code examples in the product's Javadoc, compiled and run: each {@code <pre>{@code …}} example
 * of a public type appears here between {@code // example: Type} and {@code // end}, and {@link
 * #javadocShowsTheCodeCompiledHere} fails when the two drift apart (Jdbi's way with its
 * documentation: examples are tests). Variables an example takes for granted are set up just before
 * its region.
 */
class JavadocExamplesTest {
  /** Every main source file whose Javadoc holds a code example, relative to the repository. */
  static Stream<String> documentedTypes() {
    return Stream.of(
        "core/src/main/java/dev/plandev/defaults/SmartDefaults.java",
        "core/src/main/java/dev/plandev/defaults/backup/Backups.java",
        "server/src/main/java/dev/plandev/server/PlandevServer.java",
        "plans/src/main/java/dev/plandev/plans/generate/TemplateCatalog.java",
        "plans/src/main/java/dev/plandev/plans/generate/PlanGenerator.java",
        "plans/src/main/java/dev/plandev/plans/hygen/HygenGenerator.java",
        "mcp/src/main/java/dev/plandev/mcp/PlandevMcp.java",
        "mcp/src/main/java/dev/plandev/mcp/McpHttpEndpoint.java");
  }

  @TempDir Path dir;

  private static final Path REPO =
      Path.of(System.getProperty("plandev.repo", Path.of("").toAbsolutePath().getParent() + ""));
  private static final Pattern JAVADOC_CODE =
      Pattern.compile("<pre>\\{@code\\n(.*?)\\n \\* }</pre>", Pattern.DOTALL);

  @ParameterizedTest
  @MethodSource("documentedTypes")
  void javadocShowsTheCodeCompiledHere(String source) throws IOException {
    String type = Path.of(source).getFileName().toString().replace(".java", "");
    Matcher m = JAVADOC_CODE.matcher(Files.readString(REPO.resolve(source)));
    assertThat(m.find()).as("a <pre>{@code …}</pre> example in %s", source).isTrue();
    String documented = m.group(1).replaceAll("(?m)^ \\* ?", "");

    assertThat(documented)
        .as("the example in the Javadoc of %s, against the code compiled here", source)
        .isEqualTo(region(type));
  }

  /** The lines between {@code // example: type} and {@code // end} in this file, unindented. */
  private static String region(String type) throws IOException {
    Path self = REPO.resolve("cli/src/test/java/dev/plandev/cli/JavadocExamplesTest.java");
    List<String> lines = Files.readAllLines(self).stream().map(String::stripTrailing).toList();
    int start = lines.stream().map(String::strip).toList().indexOf("// example: " + type);
    assertThat(start).as("an example region for %s in %s", type, self).isNotNegative();
    List<String> body = new ArrayList<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.strip().equals("// end")) {
        break;
      }
      body.add(line);
    }
    int indent =
        body.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(JavadocExamplesTest::indent)
            .min()
            .orElse(0);
    return String.join(
        "\n", body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
  }

  private static int indent(String line) {
    return line.length() - line.stripLeading().length();
  }

  @Test
  void smartDefaults() {
    Path dataDir = dir;
    // example: SmartDefaults
    PlandevConfig config = PlandevConfig.defaults().withDataDir(dataDir.toString());
    try (SmartDefaults defaults = SmartDefaults.open(config, Clock.systemUTC())) {
      defaults.store().put(DefaultSpec.of("plan.author", "ada"), Actor.of("me"));
      Optional<Resolution> answer = defaults.resolve("plan.author", Context.of("project", "x"));
      System.out.println(answer.orElseThrow().entry().value()); // ada
    }
    // end
  }

  @Test
  void backups() {
    PlandevConfig config = PlandevConfig.defaults().withDataDir(dir.resolve("data").toString());
    try (SmartDefaults defaults = SmartDefaults.open(config, Clock.systemUTC())) {
      defaults.store().put(DefaultSpec.of("plan.author", "ada"), Actor.of("me"));
    }
    Path restored = dir.resolve("restored");
    // example: Backups
    Backups backups = Backups.of(config, Clock.systemUTC());
    Manifest m = backups.full(BackupProgress.NONE);
    backups.verify(m.id());
    Restored r = backups.restore(m.id(), restored, false, BackupProgress.NONE);
    System.out.println(r.checks()); // [integrity check: ok, row counts: {...}, resolves: ...]
    // end
    assertThat(r.checks()).anyMatch(c -> c.startsWith("integrity check: ok"));
  }

  @Test
  void plandevServer() throws Exception {
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Map<String, String> flags = Map.of("dataDir", dir.toString(), "server.port", "0");
    PlandevConfig config = new ConfigLoader(dir, Map.of()).load(null, flags, Map.of()).config();
    try (SmartDefaults defaults = SmartDefaults.open(config, Clock.systemUTC())) {
      // example: PlandevServer
      try (PlandevServer server = PlandevServer.start(defaults, registry, Clock.systemUTC())) {
        System.out.println(server.url());
      }
      // end
    }
  }

  @Test
  void templateCatalog() {
    Path workingDir = dir;
    // example: TemplateCatalog
    TemplateCatalog catalog = TemplateCatalog.of(List.of(workingDir.resolve("_templates")));
    PlanTemplate plan = catalog.find("plan-dev", "fr");
    // end
    assertThat(plan).isNotNull();
  }

  @Test
  void hygenGenerator() throws IOException {
    Path workingDir = dir;
    Path template = workingDir.resolve("_templates/component/new/component.ejs.t");
    Files.createDirectories(template.getParent());
    Files.writeString(
        template, "---\nto: src/<%= name %>.jsx\n---\nexport const <%= name %> = 1\n");
    DefaultsClient defaults = DefaultsClient.none();
    // example: HygenGenerator
    Path templates = HygenTemplates.locate(workingDir, System.getenv()).orElseThrow();
    HygenRequest request =
        new HygenRequest(
            templates,
            WorkingEnvironment.detect(workingDir),
            List.of("component", "new", "--name", "Button"),
            System.getenv(),
            true, // --yes
            false, // --dry-run
            false, // --force
            false); // --allow-shell
    HygenResult result =
        new HygenGenerator(defaults, Clock.systemUTC(), new PrintWriter(System.err, true))
            .run(request, PromptInput.none());
    // end
    assertThat(result.outcomes()).hasSize(1);
    assertThat(workingDir.resolve("src/Button.jsx")).hasContent("export const Button = 1\n");
  }

  @Test
  void planGenerator() {
    DefaultsClient defaults = DefaultsClient.none();
    // example: PlanGenerator
    PlanGenerator generator =
        new PlanGenerator(TemplateCatalog.builtIn(), defaults, Clock.systemDefaultZone());
    GenerationResult result =
        generator.generate(
            GenerationRequest.builder(WorkingEnvironment.detect(dir))
                .template("plan-dev")
                .language("fr")
                .set("title", "Cache Redis")
                .acceptDefaults(true)
                .build(),
            PromptInput.none());
    // end
    assertThat(result).isNotNull();
  }

  /** Compiled only: serving stdio takes the test process's standard input and output. */
  @SuppressWarnings("unused")
  private static void plandevMcp(SmartDefaults engine) throws InterruptedException {
    // example: PlandevMcp
    PlandevMcp mcp =
        PlandevMcp.builder()
            .roots(List.of(Path.of("docs/plans")))
            .defaults(() -> engine)
            .clock(Clock.systemUTC())
            .build();
    mcp.serveStdio(System.in, System.out); // returns when the client closes stdin
    // end
  }

  @Test
  void mcpHttpEndpoint() {
    PlandevMcp plandevMcp =
        PlandevMcp.builder()
            .roots(List.of(dir))
            .defaults(() -> null)
            .clock(Clock.systemUTC())
            .build();
    // example: McpHttpEndpoint
    McpAuthenticator callers =
        request ->
            Optional.ofNullable(request.getHeader("X-Agent"))
                .map(name -> new McpCaller(name, false));
    McpHttpEndpoint mcp = new McpHttpEndpoint(plandevMcp, callers);
    Javalin.create(
        config ->
            config.jetty.modifyServletContextHandler(
                handler -> {
                  ServletHolder holder = new ServletHolder(mcp);
                  holder.setAsyncSupported(true); // the SDK streams answers with async I/O
                  handler.addServlet(holder, McpHttpEndpoint.PATH);
                }));
    // on shutdown: mcp.destroy() is called by Jetty; it closes the sessions and the server
    // end
    mcp.destroy();
  }
}
