package dev.plandev.plans.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanGeneratorTest {
  static final Clock JUNE_2025 = Clock.fixed(Instant.parse("2025-06-04T10:00:00Z"), ZoneOffset.UTC);
  static final Path PLAN = Path.of("roadmaps", "plans", "plan-dev-v2025-06-cache-redis.md");

  @TempDir Path dir;
  final RecordingDefaults defaults = new RecordingDefaults();

  private WorkingEnvironment env() {
    return new WorkingEnvironment(dir, "plandev", "alice", "linux");
  }

  private PlanGenerator generator() {
    return new PlanGenerator(TemplateCatalog.builtIn(), defaults, JUNE_2025);
  }

  private GenerationRequest.Builder planDev() {
    return GenerationRequest.builder(env()).template("plan-dev").language("fr");
  }

  @Test
  void yes_takes_static_defaults_and_writes_the_plan() throws IOException {
    GenerationResult r =
        generator()
            .generate(
                planDev().set("title", "Cache Redis").acceptDefaults(true).build(),
                PromptInput.none());

    assertThat(r.written()).isTrue();
    assertThat(r.answers())
        .containsEntry("version", "v2025-06")
        .containsEntry("phases", "3")
        .containsEntry("author", "alice");
    assertThat(r.files()).singleElement().satisfies(f -> assertThat(f.path()).isEqualTo(PLAN));
    String text = Files.readString(dir.resolve(PLAN));
    assertThat(text)
        .startsWith("# Plan de développement v2025-06 - Cache Redis\n")
        .contains("*Version 1.0 - 2025-06-04 - Progression globale : 0%*")
        .contains("## Phase 3 : Tests, documentation et livraison")
        .doesNotContain("## Phase 4")
        .doesNotContain(dir.toString());
    assertThat(dir.resolve(".plandev")).doesNotExist();
  }

  @Test
  void engine_suggestion_wins_over_static_default_and_feedback_follows_the_answers() {
    defaults.suggestions.put("plan.plan-dev.author", "bob");
    defaults.suggestions.put("plan.plan-dev.phases", "5");
    generator()
        .generate(
            planDev().set("title", "Cache Redis").set("phases", "4").acceptDefaults(true).build(),
            PromptInput.none());

    assertThat(defaults.asked)
        .containsExactly("plan.plan-dev.version", "plan.plan-dev.phases", "plan.plan-dev.author");
    assertThat(defaults.feedback)
        .extracting(s -> s.key() + " " + s.value() + " " + s.outcome() + " " + s.suggested())
        .containsExactly(
            "plan.plan-dev.version v2025-06 accepted v2025-06",
            "plan.plan-dev.phases 4 chosen 5",
            "plan.plan-dev.phases 5 rejected 5",
            "plan.plan-dev.author bob accepted bob");
    assertThat(defaults.feedback.get(0).context())
        .containsEntry("template", "plan-dev")
        .containsEntry("language", "fr")
        .containsEntry("repository", "plandev")
        .containsEntry("directory", dir.toString())
        .containsEntry("user", "alice")
        .containsEntry("os", "linux");
  }

  @Test
  void invalid_engine_suggestion_is_skipped_for_the_static_default() {
    defaults.suggestions.put("plan.plan-dev.phases", "12");
    GenerationResult r =
        generator()
            .generate(
                planDev().set("title", "T").acceptDefaults(true).dryRun(true).build(),
                PromptInput.none());
    assertThat(r.answers()).containsEntry("phases", "3");
  }

  @Test
  void interactive_prompts_hint_the_suggestion_and_ask_again_from_an_empty_line() {
    defaults.suggestions.put("plan.plan-dev.author", "bob");
    ScriptedInput person = new ScriptedInput(null, "Cache Redis", "", "7", "5", "carol");
    GenerationResult r = generator().generate(planDev().build(), person);

    assertThat(person.prefilled)
        .containsExactly(
            "version=v2025-06", "title=", "description=", "phases=3", "phases=3", "author=bob");
    assertThat(person.told)
        .containsExactly("invalid answer for 'phases': must be one of 3, 4, 5 (got '7')");
    assertThat(r.answers()).containsEntry("phases", "5").containsEntry("author", "carol");
    assertThat(defaults.feedback)
        .extracting(s -> s.key() + " " + s.value() + " " + s.outcome())
        .contains("plan.plan-dev.author carol chosen", "plan.plan-dev.author bob rejected");
  }

  @Test
  void the_engines_top_values_are_offered_with_their_confidence_and_a_number_picks_one() {
    defaults.ranked.put(
        "plan.plan-dev.author",
        List.of(
            new SuggestedValue("Ada Lovelace", 0.82, "test"),
            new SuggestedValue("Grace Hopper", 0.09, "test"),
            new SuggestedValue("Alan Turing", 0.04, "test"),
            new SuggestedValue("Edsger Dijkstra", 0.02, "test")));
    ScriptedInput person = new ScriptedInput(null, "Cache Redis", "", null, "2");
    GenerationResult r = generator().generate(planDev().dryRun(true).build(), person);

    Question author = person.questions.get(person.questions.size() - 1);
    assertThat(author.defaultValue()).isEqualTo("Ada Lovelace");
    assertThat(author.optionsLine())
        .isEqualTo("1) Ada Lovelace 82%   2) Grace Hopper 9%   3) Alan Turing 4%");
    assertThat(r.answers()).containsEntry("author", "Grace Hopper");
    Question phases = person.questions.get(3);
    assertThat(phases.numbered()).as("a number prompt's options are typed as they are").isFalse();
    assertThat(phases.optionsLine()).isEqualTo("3   4   5");
  }

  @Test
  void typing_over_a_default_replaces_it() {
    defaults.suggestions.put("plan.plan-dev.author", "bob");
    ScriptedInput person = new ScriptedInput(null, "Cache Redis", "", null, "carol");
    GenerationResult r = generator().generate(planDev().dryRun(true).build(), person);

    assertThat(r.answers()).containsEntry("author", "carol");
  }

  @Test
  void no_terminal_lists_every_missing_required_prompt_with_set_options() {
    assertThatThrownBy(() -> generator().generate(planDev().build(), PromptInput.none()))
        .isInstanceOf(MissingAnswersException.class)
        .hasMessageContaining("title - Titre du plan")
        .hasMessageContaining("plandev new plan-dev --set title=...");
    assertThat(dir.resolve("roadmaps")).doesNotExist();
    assertThat(defaults.feedback).isEmpty();
  }

  @Test
  void set_with_a_bad_value_or_an_unknown_prompt_is_bad_input() {
    assertThatThrownBy(
            () ->
                generator()
                    .generate(
                        planDev().set("title", "T").set("phases", "six").build(),
                        PromptInput.none()))
        .isInstanceOf(InvalidAnswerException.class)
        .hasMessage("invalid answer for 'phases': must be a whole number (got 'six')");
    assertThatThrownBy(
            () -> generator().generate(planDev().set("titel", "T").build(), PromptInput.none()))
        .hasMessageContaining("has no prompt named 'titel'")
        .hasMessageContaining("version, title, description, phases, author");
  }

  @Test
  void dry_run_writes_nothing_and_learns_nothing() {
    GenerationResult r =
        generator()
            .generate(
                planDev().set("title", "Cache Redis").acceptDefaults(true).dryRun(true).build(),
                PromptInput.none());
    assertThat(r.written()).isFalse();
    assertThat(r.files().get(0).content()).contains("## Phase 1 : Analyse et conception");
    assertThat(dir.resolve("roadmaps")).doesNotExist();
    assertThat(dir.resolve(".plandev")).doesNotExist();
    assertThat(defaults.feedback).isEmpty();
  }

  @Test
  void existing_file_is_kept_unless_force() throws IOException {
    Files.createDirectories(dir.resolve(PLAN).getParent());
    Files.writeString(dir.resolve(PLAN), "mine\n");
    GenerationRequest request = planDev().set("title", "Cache Redis").acceptDefaults(true).build();

    assertThatThrownBy(() -> generator().generate(request, PromptInput.none()))
        .isInstanceOf(OutputExistsException.class)
        .hasMessageContaining(PLAN.toString())
        .hasMessageContaining("--force");
    assertThat(dir.resolve(PLAN)).hasContent("mine");
    assertThat(defaults.feedback).isEmpty();

    generator()
        .generate(
            planDev().set("title", "Cache Redis").acceptDefaults(true).force(true).build(),
            PromptInput.none());
    assertThat(Files.readString(dir.resolve(PLAN))).startsWith("# Plan de développement");
  }

  @Test
  void interrupted_session_is_saved_and_resumed_then_removed() throws IOException {
    ScriptedInput first = new ScriptedInput(null, "Cache Redis", "Deux niveaux");
    assertThatThrownBy(() -> generator().generate(planDev().build(), first))
        .hasMessageContaining("interrupted at phases");
    Path session = dir.resolve(".plandev").resolve("new-session.json");
    assertThat(Files.readString(session))
        .contains("\"template\" : \"plan-dev\"")
        .contains("Cache Redis")
        .contains("Deux niveaux");

    ScriptedInput second = new ScriptedInput("4", null);
    GenerationResult r =
        generator().generate(GenerationRequest.builder(env()).resume(true).build(), second);

    assertThat(second.prefilled).containsExactly("phases=3", "author=alice");
    assertThat(r.answers())
        .containsEntry("title", "Cache Redis")
        .containsEntry("description", "Deux niveaux")
        .containsEntry("phases", "4");
    assertThat(Files.readString(dir.resolve(PLAN))).contains("Deux niveaux").contains("## Phase 4");
    assertThat(session).doesNotExist();
    assertThat(dir.resolve(".plandev")).doesNotExist();
  }

  @Test
  void resume_without_session_is_bad_input() {
    assertThatThrownBy(
            () ->
                generator()
                    .generate(
                        GenerationRequest.builder(env()).resume(true).build(), PromptInput.none()))
        .isInstanceOf(GenerationRequestException.class)
        .hasMessageContaining("no interrupted session to resume");
  }

  @Test
  void failing_defaults_client_falls_back_to_static_defaults_with_one_warning() {
    DefaultsClient down =
        new DefaultsClient() {
          int calls;

          @Override
          public List<SuggestedValue> suggest(String key, java.util.Map<String, String> c, int l) {
            calls++;
            throw new DefaultsUnavailableException("connection refused (call " + calls + ")", null);
          }

          @Override
          public void feedback(
              String k, java.util.Map<String, String> c, String v, String o, String s) {
            throw new DefaultsUnavailableException("connection refused", null);
          }
        };
    GenerationResult r =
        new PlanGenerator(TemplateCatalog.builtIn(), down, JUNE_2025)
            .generate(
                planDev().set("title", "Cache Redis").acceptDefaults(true).build(),
                PromptInput.none());
    assertThat(r.answers()).containsEntry("author", "alice");
    assertThat(r.warnings()).singleElement().asString().contains("connection refused (call 1)");
  }

  @Test
  void output_path_may_not_leave_the_working_folder() throws IOException {
    Path folder = dir.resolve("_templates").resolve("evil");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("prompts.yaml"), "prompts: []\n");
    Files.writeString(folder.resolve("plan.md"), "---\nto: ../outside.md\n---\nx\n");
    PlanGenerator g =
        new PlanGenerator(
            TemplateCatalog.of(List.of(dir.resolve("_templates"))), defaults, JUNE_2025);
    assertThatThrownBy(
            () ->
                g.generate(
                    GenerationRequest.builder(env()).template("evil").build(), PromptInput.none()))
        .isInstanceOf(TemplateFormatException.class)
        .hasMessageContaining("'../outside.md' may not contain");
  }

  @Test
  void user_template_with_several_files_writes_each_under_its_rendered_path() throws IOException {
    Path folder = dir.resolve("_templates").resolve("module").resolve("en");
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("prompts.yaml"),
        "prompts:\n  - name: name\n    required: true\n  - name: tests\n    type: confirm\n    default: 'yes'\n");
    Files.writeString(
        folder.resolve("a-readme.md"),
        "---\nto: docs/{{ name | slug }}/README.md\n---\n# {{ name }}\n");
    Files.writeString(
        folder.resolve("b-plan.md"),
        "---\nto: docs/{{ name | slug }}/plan.md\n---\n## Phase 1\n{% if tests %}\n- [ ] Tests\n{% endif %}\n");
    PlanGenerator g =
        new PlanGenerator(
            TemplateCatalog.of(List.of(dir.resolve("_templates"))), defaults, JUNE_2025);
    GenerationResult r =
        g.generate(
            GenerationRequest.builder(env())
                .template("module")
                .language("en")
                .set("name", "Billing API")
                .acceptDefaults(true)
                .build(),
            PromptInput.none());
    assertThat(r.files())
        .extracting(GeneratedFile::path)
        .containsExactly(
            Path.of("docs", "billing-api", "README.md"), Path.of("docs", "billing-api", "plan.md"));
    assertThat(dir.resolve("docs/billing-api/plan.md")).hasContent("## Phase 1\n- [ ] Tests");
  }
}
