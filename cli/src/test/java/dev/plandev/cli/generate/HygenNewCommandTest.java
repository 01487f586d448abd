package dev.plandev.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.cli.CliRun;
import dev.plandev.cli.CliRun.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plandev new GENERATOR ACTION} on a hygen-format generator, in-process on real files and
 * the real embedded store: options answer the prompts, the engine's learned values become the
 * defaults, {@code --dry-run} writes nothing and shows injections as diffs, and {@code sh} runs
 * only with {@code --allow-shell}.
 */
class HygenNewCommandTest {
  static final Clock NOW = Clock.fixed(Instant.parse("2026-03-04T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @BeforeEach
  void templates() throws IOException {
    write(
        "_templates/plan/new/prompt.js",
        "module.exports = [\n"
            + "  { type: 'input', name: 'title', message: 'Title?', initial: 'Untitled' },\n"
            + "  { type: 'input', name: 'author', message: 'Author?', initial: 'nobody' },\n"
            + "  { type: 'numeral', name: 'phases', message: 'Phases?', initial: 3 },\n"
            + "  { type: 'select', name: 'lang', message: 'Language?', choices: ['fr', 'en'] },\n"
            + "  { type: 'confirm', name: 'draft', message: 'Draft?', initial: false },\n"
            + "]\n");
    write(
        "_templates/plan/new/plan.ejs.t",
        "---\nto: plans/<%= h.changeCase.param(title) %>.md\n---\n"
            + "# <%= title %> (<%= lang %>)\n\nAuthor: <%= author %>\n"
            + "<% for (let i = 1; i <= phases; i++) { -%>\n## Phase <%= i %>\n<% } -%>\n"
            + "draft=<%= draft %>\n");
    write(
        "_templates/plan/phase/inject.ejs.t",
        "---\nto: plans/<%= name %>.md\ninject: true\nappend: true\n---\n## Phase extra\n");
    write("_templates/tool/run/sh.ejs.t", "---\nsh: \"echo ran > ran.txt\"\n---\n");
  }

  private void write(String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private Result plandevNew(String... args) {
    List<String> all = new ArrayList<>(List.of("--data", dir.resolve("data").toString(), "new"));
    all.addAll(List.of(args));
    return new CliRun(dir).clock(NOW).env("USER", "alice").run(all.toArray(String[]::new));
  }

  private String read(String relative) throws IOException {
    return Files.readString(dir.resolve(relative), StandardCharsets.UTF_8);
  }

  @Test
  void options_answer_the_prompts_and_the_rest_take_their_defaults() throws IOException {
    Result r = plandevNew("plan", "new", "--title", "Cache Redis", "--phases", "2", "--yes");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("added: plans/cache-redis.md");
    assertThat(read("plans/cache-redis.md"))
        .isEqualTo("# Cache Redis (fr)\n\nAuthor: nobody\n## Phase 1\n## Phase 2\ndraft=false\n");
  }

  @Test
  void version_and_other_options_of_plandev_s_own_commands_reach_the_template() throws IOException {
    write("_templates/v/new/out.ejs.t", "---\nto: v.txt\n---\n<%= version %> <%= locals.V %>\n");

    Result r = plandevNew("v", "new", "--version", "v2.0", "--yes");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(read("v.txt")).isEqualTo("v2.0 \n");
  }

  @Test
  void answers_given_three_times_become_the_default() throws IOException {
    for (int i = 1; i <= 3; i++) {
      Result r =
          plandevNew("plan", "new", "--title", "Plan " + i, "--author", "Zoé Martin", "--yes");
      assertThat(r.code()).as(r.err()).isZero();
    }

    Result next = plandevNew("plan", "new", "--title", "Quatre", "--yes");

    assertThat(next.code()).as(next.err()).isZero();
    assertThat(read("plans/quatre.md")).contains("Author: Zoé Martin");
  }

  @Test
  void set_answers_like_an_option() throws IOException {
    Result r = plandevNew("plan", "new", "--set", "title=Via Set", "--set", "lang=en", "--yes");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(read("plans/via-set.md")).startsWith("# Via Set (en)");
  }

  @Test
  void dry_run_prints_files_and_injections_and_writes_nothing() throws IOException {
    assertThat(plandevNew("plan", "new", "--title", "Base", "--phases", "1", "--yes").code())
        .isZero();
    String before = read("plans/base.md");

    Result added = plandevNew("plan", "new", "--title", "Other", "--yes", "--dry-run");
    Result injected = plandevNew("plan", "phase", "base", "--yes", "--dry-run");

    assertThat(added.out()).contains("--- plans/other.md (dry run, not written)", "# Other (fr)");
    assertThat(injected.out()).contains("--- plans/base.md", "+## Phase extra", " draft=false");
    assertThat(Files.exists(dir.resolve("plans/other.md"))).isFalse();
    assertThat(read("plans/base.md")).isEqualTo(before);
  }

  @Test
  void shell_commands_run_only_when_allowed() {
    Result listed = plandevNew("tool", "run", "--yes");
    assertThat(listed.code()).as(listed.err()).isZero();
    assertThat(listed.out()).contains("shell: echo ran > ran.txt (not run");
    assertThat(Files.exists(dir.resolve("ran.txt"))).isFalse();

    Result ran = plandevNew("tool", "run", "--yes", "--allow-shell");
    assertThat(ran.code()).as(ran.err()).isZero();
    assertThat(Files.exists(dir.resolve("ran.txt"))).isTrue();
  }

  @Test
  void templates_are_found_above_in_hygen_tmpls_and_in_hygen_js() throws IOException {
    Files.createDirectories(dir.resolve("deep/er"));
    Result above =
        new CliRun(dir.resolve("deep/er"))
            .clock(NOW)
            .run(
                "--data",
                dir.resolve("data").toString(),
                "new",
                "plan",
                "new",
                "--title",
                "Up",
                "--yes");
    assertThat(above.code()).as(above.err()).isZero();
    assertThat(dir.resolve("deep/er/plans/up.md")).exists();

    write("elsewhere/g/a/x.ejs.t", "---\nto: from-env.txt\n---\nenv\n");
    Result env =
        new CliRun(dir)
            .clock(NOW)
            .env("HYGEN_TMPLS", dir.resolve("elsewhere").toString())
            .run("--data", dir.resolve("data").toString(), "new", "g", "a", "--yes");
    assertThat(env.code()).as(env.err()).isZero();
    assertThat(read("from-env.txt")).isEqualTo("env\n");

    write("configured/g/a/x.ejs.t", "---\nto: from-config.txt\n---\n<%= h.twice(name) %>\n");
    write(
        ".hygen.js",
        "module.exports = { templates: 'configured', helpers: { twice: (s) => s + s } }\n");
    Result configured = plandevNew("g", "a", "ab", "--yes");
    assertThat(configured.code()).as(configured.err()).isZero();
    assertThat(read("from-config.txt")).isEqualTo("abab\n");
  }

  @Test
  void a_subaction_runs_only_the_matching_files() throws IOException {
    write("_templates/m/new/model.ejs.t", "---\nto: model.txt\n---\nm\n");
    write("_templates/m/new/view.ejs.t", "---\nto: view.txt\n---\nv\n");

    Result r = plandevNew("m", "new:model", "--yes");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(dir.resolve("model.txt")).exists();
    assertThat(dir.resolve("view.txt")).doesNotExist();
  }

  @Test
  void an_unknown_action_names_the_templates_folder() {
    Result r = plandevNew("plan", "nope", "--yes");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no hygen generator 'plan' with action 'nope'");
  }

  @Test
  void the_built_in_plan_dev_in_hygen_format_is_copied_and_runs() throws IOException {
    Result copied = plandevNew("--copy-hygen", "plan-dev");
    assertThat(copied.code()).as(copied.err()).isZero();
    assertThat(copied.out()).contains("created _templates/plan-dev/new/prompt.js");

    Result r =
        plandevNew(
            "plan-dev", "new", "--lang", "en", "--title", "Checkout", "--phases", "4", "--yes");

    assertThat(r.code()).as(r.err()).isZero();
    String plan = read("roadmaps/plans/plan-dev-v2026-03-checkout.md");
    assertThat(plan)
        .startsWith("# Development plan v2026-03 - Checkout")
        .contains("**Author**: alice", "## Phase 4: Documentation and release");
    Result again = plandevNew("--copy-hygen", "plan-dev");
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("already exists");
  }

  @Test
  void a_mistyped_option_of_a_plandev_template_is_still_named() {
    Result r = plandevNew("plan-dev", "--yse");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--yse'");
  }

  @Test
  void built_in_templates_keep_working_beside_hygen_ones() {
    Result r =
        plandevNew("plan-dev", "--lang", "en", "--yes", "--set", "title=Beside", "--dry-run");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Beside");
  }
}
