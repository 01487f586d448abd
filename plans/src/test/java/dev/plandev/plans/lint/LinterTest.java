package dev.plandev.plans.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.plans.PlanDocument;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinterTest {

  private static List<LintFinding> lint(String... lines) {
    return Linter.lint(PlanDocument.of("p.md", String.join("\n", lines) + "\n"));
  }

  private static List<String> rules(List<LintFinding> findings) {
    return findings.stream().map(f -> f.line() + " " + f.rule()).toList();
  }

  @Test
  void absolutePaths_windowsAndUnix_evenInCode() {
    List<LintFinding> findings =
        lint(
            "## 1. A",
            "- [ ] Copier vers D:\\DO\\WEB\\N8N_tests\\config.json",
            "```bash",
            "cd /home/jane/projet",
            "```",
            "Voir https://example.com/home/page et src/home/x.go");

    assertThat(rules(findings)).containsExactly("2 absolute-path", "4 absolute-path");
    assertThat(findings.get(0).message()).contains("D:\\DO\\WEB\\N8N_tests\\config.json");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings.get(0).toString())
        .startsWith("p.md:2: warning [absolute-path] hard-coded absolute path D:\\DO");
  }

  @Test
  void mixedSeparators_outsideCode() {
    List<LintFinding> findings =
        lint(
            "## 1. A",
            "Les modèles sont dans Agence\\development/templates.",
            "```",
            "a\\b/c/d",
            "```");

    assertThat(rules(findings)).containsExactly("2 mixed-separators");
    assertThat(findings.get(0).hint()).contains("/ only");
  }

  @Test
  void staleProgress_isAnError_withTheNumbers() {
    List<LintFinding> findings = lint("## 1. A", "*Progression: 90%*", "- [x] a", "- [ ] b");

    assertThat(rules(findings)).containsExactly("2 stale-progress");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).message())
        .isEqualTo("progress says 90% but section 1 has 1/2 tasks done (50%)");
    assertThat(findings.get(0).hint()).isEqualTo("run plandev sync p.md");
  }

  @Test
  void numbering_gapsAndDuplicates() {
    List<LintFinding> findings =
        lint(
            "## 1. A",
            "- [ ] a",
            "### 1.1 B",
            "- [ ] b",
            "### Notes",
            "texte",
            "### 1.3 C",
            "- [ ] c",
            "## 2. D",
            "- [ ] d",
            "## 2. E",
            "- [ ] e");

    assertThat(rules(findings)).containsExactly("7 numbering-gap", "11 numbering-duplicate");
    assertThat(findings.get(0).message()).isEqualTo("section 1.3 follows 1.1 (expected 1.2)");
    assertThat(findings.get(1).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void emptySection_withOnlyBlankLinesOrRule() {
    List<LintFinding> findings = lint("## 1. A", "", "---", "", "## 2. B", "- [ ] b", "## 3. C");

    assertThat(rules(findings)).containsExactly("1 empty-section", "7 empty-section");
  }

  @Test
  void missingTaskIo_whenThePlanUsesThatStructure() {
    List<LintFinding> findings =
        lint(
            "## 1. A",
            "- [ ] Tâche complète",
            "  - [ ] Étape 1 : faire",
            "  - [ ] Entrées : logs",
            "  - [ ] Sorties : rapport",
            "  - [ ] Conditions préalables : accès",
            "- [ ] Tâche incomplète",
            "  - [ ] Étape 1 : faire",
            "  - [ ] **Entrées** : logs",
            "- [ ] Tâche simple");

    assertThat(rules(findings)).containsExactly("7 missing-task-io");
    assertThat(findings.get(0).message())
        .isEqualTo("task 1#6 has no Sorties, Conditions préalables");
  }

  @Test
  void missingTaskIo_notReported_whenThePlanDoesNotUseIt() {
    assertThat(lint("## 1. A", "- [ ] T", "  - [ ] Étape 1 : faire", "  - [ ] Entrées : x"))
        .isEmpty();
  }

  @Test
  void duplicateTasks_topLevelAnywhere_subTasksUnderTheSameParent() {
    List<LintFinding> findings =
        lint(
            "## 1. A",
            "- [ ] Écrire les tests",
            "- [x] **Écrire** les tests",
            "- [ ] Parent",
            "  - [ ] Écrire les tests",
            "- [ ] Autre parent",
            "  - [ ] Écrire les tests",
            "  - [ ] Écrire les tests",
            "## 2. B",
            "- [ ] Écrire les tests");

    assertThat(rules(findings))
        .containsExactly("3 duplicate-task", "8 duplicate-task", "10 duplicate-task");
    assertThat(findings.get(2).message()).isEqualTo("task 'Écrire les tests' repeats line 2");
  }

  @Test
  void unclosedFence_pointsAtTheLookalikeClosingLine() {
    List<LintFinding> findings =
        lint("## 1. A", "```bash", "echo", "```plaintext", "- [ ] avalée", "");

    assertThat(rules(findings)).containsExactly("4 unclosed-fence");
    assertThat(findings.get(0).message())
        .startsWith("'```plaintext' does not close the code block opened on line 2");
    assertThat(rules(lint("## 1. A", "- [ ] a", "```", "code")))
        .containsExactly("3 unclosed-fence");
  }

  @Test
  void cleanPlan_hasNoFindings() {
    assertThat(lint("# Plan", "## 1. A", "*Progression: 50%*", "- [x] a", "- [ ] b")).isEmpty();
  }

  @Test
  void json_hasOneObjectPerFinding() {
    StringWriter out = new StringWriter();
    LintJson.write(lint("## 1. A", "*Progression: 90%*", "- [ ] \"q\""), out);

    assertThat(out.toString())
        .isEqualTo(
            "[{\"file\":\"p.md\",\"line\":2,\"rule\":\"stale-progress\",\"severity\":\"error\","
                + "\"message\":\"progress says 90% but section 1 has 0/1 tasks done (0%)\","
                + "\"hint\":\"run plandev sync p.md\"}]");
  }
}
