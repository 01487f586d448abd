package dev.plandev.cli.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plandev.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plandev init} on real folders: what it makes, that a second run keeps it, --force. */
class InitCommandTest {
  @TempDir Path dir;

  private CliRun.Result init(String... more) {
    String[] args = new String[more.length + 1];
    args[0] = "init";
    System.arraycopy(more, 0, args, 1, more.length);
    CliRun.Result r = new CliRun(dir).run(args);
    assertThat(r.code()).as(r.err()).isZero();
    return r;
  }

  @Test
  void init_makesSettingsTemplatePlansFolderAndIgnoreRule_andSaysSo() throws Exception {
    Files.writeString(dir.resolve(".gitignore"), "target/"); // no newline at the end

    CliRun.Result r = init();

    assertThat(r.out())
        .contains("created  plandev.yaml")
        .contains("created  _templates/plan-dev/en/prompts.yaml")
        .contains("created  _templates/plan-dev/fr/plan.md")
        .contains("created  roadmaps/plans/")
        .contains("updated  .gitignore (ignores .plandev/");
    assertThat(dir.resolve("roadmaps/plans")).isDirectory();
    assertThat(dir.resolve(".gitignore"))
        .hasContent(
            "target/\n# plandev: answers of an interrupted plandev new (plandev new --resume)\n"
                + ".plandev/");
    assertThat(dir.resolve("_templates/plan-dev/en/plan.md"))
        .content()
        .contains("to: roadmaps/plans/");
  }

  @Test
  void secondRun_keepsEverything_andAddsNoSecondIgnoreRule() throws Exception {
    init();
    Files.writeString(dir.resolve("plandev.yaml"), "ml:\n  threshold: 0.9\n");
    String gitignore = Files.readString(dir.resolve(".gitignore"));

    CliRun.Result again = init();

    assertThat(again.out()).doesNotContain("created", "updated", "rewrote");
    assertThat(again.out())
        .contains("kept     plandev.yaml (exists)")
        .contains("kept     _templates/plan-dev/en/plan.md (exists)")
        .contains("kept     roadmaps/plans/ (exists)")
        .contains("kept     .gitignore (already ignores .plandev/)");
    assertThat(dir.resolve("plandev.yaml")).hasContent("ml:\n  threshold: 0.9");
    assertThat(dir.resolve(".gitignore")).hasContent(gitignore.strip());
  }

  @Test
  void force_rewritesSettingsAndTemplate_butNotTheIgnoreRule() throws Exception {
    init();
    Path plan = dir.resolve("_templates/plan-dev/en/plan.md");
    String builtIn = Files.readString(plan);
    Files.writeString(plan, "---\nto: mine.md\n---\n# Mine\n");
    Files.writeString(dir.resolve("plandev.yaml"), "ml:\n  threshold: 0.9\n");

    CliRun.Result forced = init("--force");

    assertThat(forced.out())
        .contains("rewrote  plandev.yaml", "rewrote  _templates/plan-dev/en/plan.md");
    assertThat(plan).hasContent(builtIn.strip());
    assertThat(Files.readString(dir.resolve("plandev.yaml"))).startsWith("# plandev settings");
    assertThat(Files.readString(dir.resolve(".gitignore")).lines().filter(".plandev/"::equals))
        .hasSize(1);
  }

  @Test
  void everyCommentedDefault_isTheTrueDefault() throws Exception {
    Path initialised = Files.createDirectory(dir.resolve("initialised"));
    assertThat(new CliRun(initialised).home(dir).run("init").code()).isZero();
    String text = Files.readString(initialised.resolve("plandev.yaml"));
    String uncommented =
        text.lines()
            .map(l -> l.matches("# [a-z]+:") ? l.substring(2) : l)
            .map(l -> l.startsWith("#   ") ? l.substring(2) : l)
            .collect(Collectors.joining("\n"));
    assertThat(uncommented).contains("sqlite:\n  path: 'defaults.db'");
    Files.writeString(initialised.resolve("plandev.yaml"), uncommented);
    Path bare = Files.createDirectory(dir.resolve("bare"));

    JsonNode fromFile = show(new CliRun(initialised).home(dir));
    JsonNode builtIn = show(new CliRun(bare).home(dir));

    assertThat(fromFile.size()).isEqualTo(builtIn.size()).isGreaterThan(30);
    builtIn
        .fields()
        .forEachRemaining(
            e -> {
              if (!e.getKey().equals("dataDir")) {
                assertThat(fromFile.get(e.getKey()).get("value").asText())
                    .as(e.getKey())
                    .isEqualTo(e.getValue().get("value").asText());
                assertThat(fromFile.get(e.getKey()).get("source").asText())
                    .as(e.getKey() + " is set by the file")
                    .startsWith("file ");
              }
            });
  }

  @Test
  void theCopiedTemplate_isTheOnePlandevNewUses() throws Exception {
    init();
    Path plan = dir.resolve("_templates/plan-dev/en/plan.md");
    Files.writeString(plan, Files.readString(plan).replace("# Development plan", "# Our plan"));

    CliRun.Result r =
        new CliRun(dir)
            .run("new", "plan-dev", "--lang", "en", "--yes", "--set", "title=Cache", "--dry-run");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("# Our plan v").doesNotContain("# Development plan");
  }

  private static JsonNode show(CliRun run) throws Exception {
    CliRun.Result r = run.run("config", "show", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }
}
