package dev.plandev.plans.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.plans.Corpus;
import dev.plandev.plans.PlanDocument;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinterCorpusTest {

  @Test
  void lint_runsOnEveryPlan_withFindingsOnRealLines() {
    Map<String, Integer> byRule = new HashMap<>();
    for (Path file : Corpus.plans()) {
      PlanDocument plan = PlanDocument.parse(file);
      List<LintFinding> findings = Linter.lint(plan, file.toString());
      for (LintFinding finding : findings) {
        assertThat(finding.line()).isBetween(1, plan.lineCount());
        assertThat(finding.file()).isEqualTo(file.toString());
        assertThat(finding.message()).isNotBlank();
        assertThat(finding.hint()).isNotBlank();
        byRule.merge(finding.rule(), 1, Integer::sum);
      }
    }
    System.out.println(
        "lint findings per rule over the corpus: " + new java.util.TreeMap<>(byRule));
    // The corpus's only #depends: tags name tasks that exist, and none forms a cycle.
    assertThat(byRule).doesNotContainKeys("missing-dependency", "dependency-cycle");
    assertThat(byRule)
        .containsKeys(
            "done-with-open-subtasks",
            "unparsed-effort",
            "absolute-path",
            "mixed-separators",
            "stale-progress",
            "numbering-duplicate",
            "numbering-gap",
            "empty-section",
            "missing-task-io",
            "unclosed-fence");
  }
}
