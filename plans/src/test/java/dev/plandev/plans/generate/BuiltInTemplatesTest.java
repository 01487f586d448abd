package dev.plandev.plans.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Section;
import dev.plandev.plans.Task;
import dev.plandev.plans.progress.ProgressLine;
import dev.plandev.plans.progress.ProgressSync;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in template, in both languages (and every phase count where it has one), renders a
 * plan that the plan document model parses into numbered phases with tasks, and whose progress
 * lines {@code sync} finds and keeps true.
 */
class BuiltInTemplatesTest {
  @TempDir Path dir;

  static Stream<Arguments> outputs() {
    List<Arguments> cases = new ArrayList<>();
    for (TemplateSummary t : TemplateCatalog.builtIn().list()) {
      for (String lang : t.languages()) {
        boolean hasPhases =
            TemplateCatalog.builtIn().find(t.name(), lang).prompts().stream()
                .anyMatch(p -> p.name().equals("phases"));
        for (String phases : hasPhases ? List.of("3", "4", "5") : List.of("")) {
          cases.add(Arguments.of(t.name(), lang, phases));
        }
      }
    }
    return cases.stream();
  }

  private PlanDocument render(String template, String lang, String phases) {
    GenerationRequest.Builder request =
        GenerationRequest.builder(new WorkingEnvironment(dir, "", "alice", "linux"))
            .template(template)
            .language(lang)
            .set("title", "Cache Redis")
            .set("description", "Deux niveaux, L1 et L2.")
            .acceptDefaults(true)
            .dryRun(true);
    if (!phases.isEmpty()) {
      request.set("phases", phases);
    }
    GeneratedFile file =
        new PlanGenerator(
                TemplateCatalog.builtIn(), DefaultsClient.none(), PlanGeneratorTest.JUNE_2025)
            .generate(request.build(), PromptInput.none())
            .files()
            .get(0);
    return PlanDocument.of(file.path().toString(), file.content());
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("outputs")
  void output_parses_into_numbered_phases_with_tasks(String template, String lang, String phases) {
    PlanDocument plan = render(template, lang, phases);

    List<Section> phaseSections =
        plan.sections().stream()
            .filter(s -> s.level() == 2 && s.title().startsWith("Phase"))
            .toList();
    assertThat(phaseSections).extracting(Section::numbering).startsWith("1", "2", "3");
    if (!phases.isEmpty()) {
      assertThat(phaseSections).hasSize(Integer.parseInt(phases));
    }
    for (Section phase : phaseSections) {
      assertThat(phase.children()).as(phase.title()).isNotEmpty();
      assertThat(phase.children().get(0).numbering()).isEqualTo(phase.numbering() + ".1");
      assertThat(phase.progress().total()).as(phase.title()).isGreaterThanOrEqualTo(3);
    }
    assertThat(plan.tasks()).allSatisfy(t -> assertThat(t.checked()).isFalse());
    assertThat(plan.tasks()).extracting(Task::id).doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("outputs")
  void sync_finds_the_progress_lines_and_keeps_them_true(
      String template, String lang, String phases) {
    PlanDocument plan = render(template, lang, phases);
    List<ProgressLine> lines = ProgressLine.findAll(plan);
    List<Section> phaseSections =
        plan.sections().stream()
            .filter(s -> s.level() == 2 && s.title().startsWith("Phase"))
            .toList();
    assertThat(lines).extracting(l -> l.section().isRoot()).containsOnlyOnce(true);
    assertThat(lines.stream().map(ProgressLine::section).filter(s -> !s.isRoot()))
        .containsExactlyElementsOf(phaseSections);
    assertThat(ProgressSync.staleLines(plan)).isEmpty();

    Section first = phaseSections.get(0);
    int firstTasks = first.progress().total();
    for (int i = 0; i < firstTasks; i++) {
      plan = plan.withChecked(plan.tasks().get(i), true);
    }
    assertThat(ProgressSync.staleLines(plan)).hasSize(2);
    PlanDocument synced = ProgressSync.sync(plan);

    assertThat(ProgressSync.staleLines(synced)).isEmpty();
    List<ProgressLine> after = ProgressLine.findAll(synced);
    int overall = Math.round(100f * firstTasks / synced.tasks().size());
    assertThat(after.get(0).text()).contains(overall + "%");
    assertThat(after.get(1).text()).isIn("*Progression: 100%*", "*Progress: 100%*");
  }
}
