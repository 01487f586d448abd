package dev.plandev.plans.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.plans.PlanDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataLintTest {

  private static List<LintFinding> lint(String... lines) {
    return Linter.lint(PlanDocument.of("p.md", String.join("\n", lines) + "\n"));
  }

  private static List<String> rules(List<LintFinding> findings) {
    return findings.stream().map(f -> f.line() + " " + f.rule()).toList();
  }

  @Test
  void missingDependency_withinAndAcrossPlans(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("other.md"), "# O\n\n- [ ] **2.1** There\n");
    Path file = dir.resolve("p.md");
    Files.writeString(
        file,
        "# P\n\n- [ ] **1.1** A #depends:9.9\n- [ ] **1.2** B #depends:other.md#2.1,"
            + "other.md#2.2,gone.md#1\n");

    List<LintFinding> findings = Linter.lint(PlanDocument.parse(file), "p.md");

    assertThat(rules(findings))
        .containsExactly("3 missing-dependency", "4 missing-dependency", "4 missing-dependency");
    assertThat(findings.get(0).message())
        .isEqualTo("task 1.1 depends on 9.9, but no task has id 9.9 in p.md");
    assertThat(findings.get(1).message()).endsWith("no task has id 2.2 in other.md");
    assertThat(findings.get(2).message()).contains("no plan file ").contains("gone.md");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void dependencyCycle_reportedOnceAtItsFirstTask() {
    List<LintFinding> findings =
        lint(
            "# P",
            "- [ ] **1.1** A #depends:1.3",
            "- [ ] **1.2** B #depends:1.1",
            "- [ ] **1.3** C #depends:1.2",
            "- [ ] **1.4** D #depends:1.4");

    assertThat(rules(findings)).containsExactly("2 dependency-cycle", "5 dependency-cycle");
    assertThat(findings.get(0).message())
        .isEqualTo("tasks wait on each other, so none can start: 1.1 → 1.3 → 1.2 → 1.1");
  }

  @Test
  void doneTaskWithOpenSubtasks_butNotWithDeferredOrCancelledOnes() {
    List<LintFinding> findings =
        lint(
            "# P",
            "- [x] **1** Parent",
            "  - [x] **1.1** done",
            "  - [ ] **1.2** open",
            "    - [ ] **1.2.1** deeper",
            "- [x] **2** Other",
            "  - [ ] **2.1** later #status:deferred",
            "  - [ ] **2.2** dropped #status:cancelled");

    assertThat(rules(findings)).containsExactly("2 done-with-open-subtasks");
    assertThat(findings.get(0).message())
        .isEqualTo("task 1 is checked but 2 subtask(s) are not done: 1.2, 1.2.1");
  }

  @Test
  void statusDoneOnAnOpenBox_andEffortsThatDoNotParse() {
    List<LintFinding> findings =
        lint(
            "# P",
            "- [ ] **1** A #status:done",
            "- [x] **2** B #status:terminé",
            "- [ ] **3** C #durée:Xj",
            "- [ ] **4** D #temps:1.5j");

    assertThat(rules(findings)).containsExactly("2 status-done-unchecked", "4 unparsed-effort");
    assertThat(findings.get(1).message())
        .isEqualTo("task 3 has effort 'Xj', which is not an amount");
  }

  @Test
  void oddCheckboxMarkers_outsideCode_notNumberedReferences() {
    List<LintFinding> findings =
        lint(
            "# P",
            "- [✅] shipped",
            "- [~] half",
            "1. [] empty",
            "- [ ] fine",
            "- [x] fine too",
            "- [1] Phase 1",
            "- [~](link) not a box",
            "```",
            "- [-] example in code",
            "```");

    assertThat(rules(findings))
        .containsExactly("2 odd-checkbox", "3 odd-checkbox", "4 odd-checkbox");
    assertThat(findings.get(0).message())
        .isEqualTo("'[✅]' is not a checkbox, so this item is not counted as a task");
  }

  @Test
  void unknownStatus_isReportedWithTheAcceptedValues_andKeptAsOpen() {
    List<LintFinding> findings =
        lint("# P", "", "- [ ] **1** A #status:review", "- [ ] **2** B #statut:bloqué");

    assertThat(rules(findings)).containsExactly("3 unknown-status");
    assertThat(findings.get(0).message())
        .isEqualTo("task 1 has #status:review, which is not a status, so it counts as open");
    assertThat(findings.get(0).toString()).contains("open, in-progress, blocked, deferred");
    PlanDocument plan = PlanDocument.of("p.md", "- [ ] a #status:review\n");
    assertThat(plan.tasks().get(0).metadata().unknownStatus()).contains("review");
    assertThat(plan.tasks().get(0).state().label()).isEqualTo("open");
  }
}
