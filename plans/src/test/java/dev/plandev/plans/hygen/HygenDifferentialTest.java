package dev.plandev.plans.hygen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.plans.generate.DefaultsClient;
import dev.plandev.plans.generate.PromptInput;
import dev.plandev.plans.generate.WorkingEnvironment;
import dev.plandev.testing.Prerequisites;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the test generators of {@code src/test/resources/hygen} through the real hygen 6.2.11 (from
 * {@code .ci/hygen.sh}) and through {@link HygenGenerator}, step by step in two working folders,
 * and requires the two folders to hold the same bytes after every step: added files, forced and
 * skipped ones, every kind of injection, {@code from}, {@code sh}, prompt files, {@code .hygen.js}.
 */
class HygenDifferentialTest {
  static final String TS = "1700000000000";

  /** The steps, each the words after {@code hygen}; run in this order in one folder. */
  static final List<List<String>> STEPS =
      List.of(
          List.of(
              "component",
              "new",
              "--name",
              "my-button",
              "--style",
              "scss",
              "--withTest",
              "true",
              "--count",
              "3",
              "--author",
              "Ada <ada@example.org>"),
          List.of(
              "component",
              "new",
              "--name",
              "OtherThing",
              "--style",
              "none",
              "--withTest",
              "0",
              "--count",
              "0",
              "--author",
              "Bob & \"Co\""),
          List.of(
              "component",
              "new",
              "my-button",
              "--style",
              "css",
              "--withTest",
              "yes",
              "--count",
              "1",
              "--author",
              "Ada"),
          List.of(
              "component",
              "new",
              "--name",
              "XMLHttpRequest2Go",
              "--style",
              "css",
              "--withTest",
              "1",
              "--count",
              "2",
              "--author",
              "Éloïse"),
          List.of("app", "setup"),
          List.of("app", "route", "users"),
          List.of("app", "route", "users"),
          List.of("app", "route", "order-items"),
          List.of("greet", "World"),
          List.of("multi", "new:model", "thing"),
          List.of("multi", "new", "both"),
          List.of("copy", "new", "mit", "--stamp", "42"),
          List.of("copy", "new", "mit", "--stamp", "007"),
          List.of(
              "params",
              "new",
              "thing",
              "--kind",
              "big box",
              "--size",
              "21",
              "--flag",
              "--my-option",
              "yes"),
          List.of("params", "new", "other", "--no-flag", "--size", "1.5"),
          List.of("asker", "new", "--color", "teal"),
          List.of("shell", "new", "piped"),
          List.of("helper", "new", "two words"),
          List.of("ejs", "edge", "edgy"),
          List.of("words", "all"),
          List.of("ignoring", "new"),
          List.of(
              "plan-dev",
              "new",
              "--title",
              "Cache Redis à deux niveaux",
              "--version",
              "v2026-02",
              "--description",
              "Une phrase : été & <balises>.",
              "--phases",
              "5",
              "--author",
              "Zoé Martin",
              "--today",
              "2026-02-03"),
          List.of(
              "plan-dev",
              "new",
              "--lang",
              "en",
              "--title",
              "Checkout",
              "--version",
              "v1.2",
              "--description",
              "One sentence.",
              "--phases",
              "3",
              "--author",
              "Ada",
              "--today",
              "2026-02-03"));

  static Path hygen;

  @BeforeAll
  static void findHygen() throws IOException {
    String configured = System.getenv("PLANDEV_HYGEN");
    if (configured != null && !configured.isBlank()) {
      hygen = Path.of(configured);
    } else {
      Path cache = Path.of(System.getProperty("user.home"), ".cache", "plandev-ci");
      if (Files.isDirectory(cache)) {
        try (Stream<Path> installs = Files.list(cache)) {
          hygen =
              installs
                  .filter(p -> p.getFileName().toString().startsWith("hygen-"))
                  .map(p -> p.resolve("node_modules/.bin/hygen"))
                  .filter(Files::isExecutable)
                  .findFirst()
                  .orElse(null);
        }
      }
    }
    Prerequisites.require(
        hygen != null && Files.isExecutable(hygen) && Files.isExecutable(Path.of("/usr/bin/node")),
        "hygen 6.2.11 and Node are needed: run bash .ci/hygen.sh (it installs the pinned hygen"
            + " with npm) or set PLANDEV_HYGEN to a hygen executable");
  }

  @Test
  void everyStepWritesWhatHygenWrites(@TempDir Path dir) throws Exception {
    Path viaHygen = dir.resolve("hygen");
    Path viaPlandev = dir.resolve("plandev");
    for (Path p : List.of(viaHygen, viaPlandev)) {
      copyTree(Path.of("src/test/resources/hygen"), p);
      HygenTemplateCopy.copy("plan-dev", p.resolve("_templates"));
    }
    int agreed = 0;
    for (List<String> step : STEPS) {
      runHygen(viaHygen, step);
      runPlandev(viaPlandev, step);
      assertThat(tree(viaPlandev)).as("after plandev new %s", step).isEqualTo(tree(viaHygen));
      agreed++;
    }
    assertThat(agreed).isEqualTo(STEPS.size());
    // Agreement on nothing would prove nothing: every feature left its mark.
    Map<String, String> files = tree(viaHygen);
    assertThat(files)
        .containsKeys(
            "src/components/my-button/MyButton.test.jsx",
            "greetings/World.txt",
            "multi/thing.model.js",
            "multi/both.view.js",
            "LICENCE-mit.txt",
            "forced.txt",
            "params/thing.txt",
            "asker/teal.txt",
            "shell-piped.txt",
            "helper/TWO WORDS!.txt",
            "edge/edgy.txt",
            "words/all.txt",
            "ignoring/kept.txt",
            "roadmaps/plans/plan-dev-v2026-02-cache-redis-a-deux-niveaux.md",
            "roadmaps/plans/plan-dev-v1.2-checkout.md")
        .doesNotContainKeys(
            "multi/thing.view.js", "src/components/other-thing/OtherThing.test.jsx");
    assertThat(files.get("app/routes.js"))
        .contains("{ path: '/users' },", "// appended order-items", "import orderItems");
    assertThat(files.get("app/list.txt")).startsWith("first\r\n").contains("users", "order-items");
    System.out.println("hygen differential: " + agreed + " of " + STEPS.size() + " steps agree");
  }

  static void runHygen(Path cwd, List<String> words) throws Exception {
    List<String> command = new ArrayList<>(List.of(hygen.toString()));
    command.addAll(words);
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
    pb.environment().put("HYGEN_TS", TS);
    pb.environment().put("HYGEN_OVERWRITE", "1");
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("hygen %s: %s", words, out).isZero();
  }

  static HygenResult runPlandev(Path cwd, List<String> words) {
    WorkingEnvironment env = new WorkingEnvironment(cwd, "", "tester", "linux");
    HygenRequest request =
        new HygenRequest(
            cwd.resolve("_templates"),
            env,
            words,
            Map.of("HYGEN_TS", TS, "USER", "tester"),
            true,
            false,
            true,
            true);
    Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    return new HygenGenerator(DefaultsClient.none(), clock, new PrintWriter(new StringWriter()))
        .run(request, PromptInput.none());
  }

  static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String rel = root.relativize(p).toString();
        if (!rel.startsWith("_templates") && !rel.equals(".hygen.js")) {
          files.put(rel, new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
        }
      }
    }
    return files;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
