package dev.plandev.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.cli.CliRun;
import dev.plandev.cli.CliRun.Result;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plandev new} in-process, on real files and the real embedded store in a temp dir. */
class NewCommandTest {
  static final Clock JUNE_2025 = Clock.fixed(Instant.parse("2025-06-04T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private CliRun cli() {
    return new CliRun(dir).clock(JUNE_2025).env("USER", "alice");
  }

  private Result plandevNew(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "--data";
    all[1] = dir.resolve("data").toString();
    all[2] = "new";
    System.arraycopy(args, 0, all, 3, args.length);
    return cli().run(all);
  }

  @Test
  void defaults_learn_the_author_and_phase_count_of_three_plans() {
    for (int i = 1; i <= 3; i++) {
      Result r =
          plandevNew(
              "plan-dev",
              "--lang",
              "fr",
              "--yes",
              "--set",
              "title=Plan " + i,
              "--set",
              "author=Zoé Martin",
              "--set",
              "phases=5");
      assertThat(r.code()).as(r.err()).isZero();
    }

    Result next =
        plandevNew("plan-dev", "--lang", "fr", "--yes", "--set", "title=Quatrième", "--dry-run");

    assertThat(next.code()).as(next.err()).isZero();
    assertThat(next.out())
        .contains("**Auteur** : Zoé Martin")
        .contains("## Phase 5 : Documentation et livraison");
  }

  /**
   * A person types at the prompts (scripted standard input): Enter takes a default, typing replaces
   * it (it used to be appended to), a refused answer is asked again from an empty line, and a
   * number picks one of the engine's values, listed with their confidence.
   */
  @Test
  void typed_answers_replace_defaults_and_a_number_picks_a_learned_value() throws IOException {
    for (String author : new String[] {"Zoé Martin", "Zoé Martin", "Grace Hopper"}) {
      plandevNew(
          "plan-dev",
          "--lang",
          "en",
          "--yes",
          "--set",
          "title=T " + author.length(),
          "--set",
          "author=" + author,
          "--force");
    }
    // version: Enter; title: typed; description: Enter; phases: 7 refused, then 4; author: 2
    Result r;
    try (PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream keyboard = new PipedInputStream(keys)) {
      keys.write("\rCache Redis\r\r7\r4\r2\r".getBytes(StandardCharsets.UTF_8));
      keys.flush();
      r =
          cli()
              .terminal(true)
              .stdin(keyboard)
              .run(
                  "--data",
                  dir.resolve("data").toString(),
                  "new",
                  "plan-dev",
                  "--lang",
                  "en",
                  "--dry-run");
    }
    assertThat(r.code()).as(r.err()).isZero();
    Matcher second = Pattern.compile("1\\) .+? \\d+%   2\\) (.+?) \\d+%").matcher(r.err());
    assertThat(second.find()).as("the engine's values, numbered, in: " + r.err()).isTrue();
    assertThat(second.group(1)).isIn("Zoé Martin", "Grace Hopper");
    assertThat(r.err())
        .contains(TerminalPromptInput.LEGEND)
        .contains("invalid answer for 'phases': must be one of 3, 4, 5 (got '7')");
    assertThat(r.out())
        .contains("# Development plan v2025-06 - Cache Redis")
        .contains("**Author**: " + second.group(1))
        .contains("Phase 4:")
        .doesNotContain("Phase 5:");
  }

  /**
   * Keys a program writes before the prompt starts are not echoed by the terminal itself: that
   * echo, printed by the terminal's input thread, landed inside the listed values in one CI run.
   */
  @Test
  void a_terminal_over_a_programs_input_leaves_showing_keys_to_the_line_reader()
      throws IOException {
    try (Terminal terminal =
        PromptTerminal.overStreams(
            new ByteArrayInputStream("typed before the prompt\r".getBytes(StandardCharsets.UTF_8)),
            new ByteArrayOutputStream())) {
      assertThat(terminal.getAttributes().getLocalFlag(Attributes.LocalFlag.ECHO)).isFalse();
    }
  }

  @Test
  void yes_writes_the_plan_under_the_working_folder() throws IOException {
    Result r = plandevNew("plan-dev", "--lang", "en", "--yes", "--set", "title=Cache Redis");

    Path plan = Path.of("roadmaps", "plans", "plan-dev-v2025-06-cache-redis.md");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("created " + plan);
    assertThat(Files.readString(dir.resolve(plan)))
        .startsWith("# Development plan v2025-06 - Cache Redis")
        .contains("**Author**: alice")
        .contains("*Progress: 0%*");
  }

  @Test
  void without_terminal_missing_required_answers_exit_2_with_set_hints() {
    Result r = plandevNew("plan-dev", "--lang", "fr");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("title - Titre du plan")
        .contains("plandev new plan-dev --set title=...");
    assertThat(dir.resolve("roadmaps")).doesNotExist();
  }

  @Test
  void invalid_answer_exits_2_naming_prompt_rule_and_value() {
    Result r = plandevNew("plan-dev", "--yes", "--set", "title=T", "--set", "phases=9");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("invalid answer for 'phases': must be one of 3, 4, 5 (got '9')");
  }

  @Test
  void existing_file_exits_1_naming_it_and_force_overwrites() {
    String[] args = {"session", "--lang", "en", "--yes", "--set", "title=Checkout"};
    assertThat(plandevNew(args).code()).isZero();

    Result again = plandevNew(args);
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err())
        .contains(
            Path.of("roadmaps", "plans", "plan-dev-v2025-06-checkout.md") + "' already exists")
        .contains("--force");

    String[] forced = {"session", "--lang", "en", "--yes", "--set", "title=Checkout", "--force"};
    assertThat(plandevNew(forced).code()).isZero();
  }

  @Test
  void dry_run_prints_the_files_and_writes_nothing() {
    Result r =
        plandevNew("detailed", "--lang", "fr", "--yes", "--set", "title=Import CSV", "--dry-run");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "--- "
                + Path.of("roadmaps", "plans", "plan-dev-v2025-06-import-csv.md")
                + " (dry run, not written)")
        .contains("  - Entrées : ")
        .contains("  - Conditions préalables : ");
    assertThat(dir.resolve("roadmaps")).doesNotExist();
  }

  @Test
  void list_shows_built_ins_and_user_overrides() throws IOException {
    Path own = dir.resolve("_templates").resolve("batch");
    Files.createDirectories(own);
    Files.writeString(own.resolve("prompts.yaml"), "description: Our batch plan\nprompts: []\n");
    Files.writeString(own.resolve("plan.md"), "---\nto: batch.md\n---\n# Batch\n");

    Result r = plandevNew("--list");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines())
        .anySatisfy(
            l -> assertThat(l).startsWith("plan-dev").contains("en,fr").contains("built-in"))
        .anySatisfy(
            l -> assertThat(l).startsWith("batch").contains("any").contains("Our batch plan"))
        .hasSize(6);
  }

  @Test
  void resume_without_a_session_exits_2() {
    Result r = plandevNew("--resume");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no interrupted session to resume");
  }

  @Test
  void no_template_and_no_resume_is_a_usage_error() {
    Result r = plandevNew();
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Missing TEMPLATE");
  }

  @Test
  void in_a_subfolder_of_a_project_uses_its_templates_and_writes_at_its_root() throws IOException {
    Files.writeString(dir.resolve("plandev.yaml"), "");
    Path own = Files.createDirectories(dir.resolve("_templates").resolve("note"));
    Files.writeString(own.resolve("prompts.yaml"), "description: A note\nprompts: []\n");
    Files.writeString(own.resolve("plan.md"), "---\nto: roadmaps/plans/note.md\n---\n# Note\n");
    Path sub = Files.createDirectories(dir.resolve("docs/deep"));

    Result r =
        new CliRun(sub)
            .home(dir)
            .clock(JUNE_2025)
            .run("--data", dir.resolve("data").toString(), "new", "note", "--yes");

    assertThat(r.code()).as(r.err()).isZero();
    Path plan = dir.resolve("roadmaps/plans/note.md");
    assertThat(r.out()).contains("created " + plan);
    assertThat(plan).hasContent("# Note");
    assertThat(sub.resolve("roadmaps")).doesNotExist();
  }
}
