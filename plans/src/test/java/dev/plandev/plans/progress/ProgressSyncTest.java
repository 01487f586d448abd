package dev.plandev.plans.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.plans.PlanDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressSyncTest {

  private static PlanDocument plan(String... lines) {
    return PlanDocument.of("p.md", String.join("\n", lines) + "\n");
  }

  @Test
  void sync_rewritesEveryVariant_onlyNumbersChange() {
    PlanDocument plan =
        plan(
            "# Plan",
            "",
            "*Version 1.4 - 2025-05-29 - Progression globale : 85%*",
            "",
            "## Phase 1",
            "",
            "*Progression: 85%*",
            "",
            "- [x] a",
            "- [ ] b",
            "- [ ] c",
            "",
            "## Phase 2",
            "",
            "**Progression**: 0% - *À commencer*",
            "Progress: 3/9",
            "- **Statut** : [0.5/4] - 12.5% complété",
            "",
            "- [x] d",
            "",
            "## 3. Troisième (Phase 3) - 5% complété",
            "",
            "**Statut global**: En cours - 60% (80% avec la section 3.2 planifiée)",
            "",
            "- [x] e",
            "- [ ] f");

    PlanDocument synced = ProgressSync.sync(plan);

    assertThat(synced.toString())
        .isEqualTo(
            plan.toString()
                .replace("globale : 85%", "globale : 50%")
                .replace("*Progression: 85%*", "*Progression: 33%*")
                .replace("**Progression**: 0%", "**Progression**: 100%")
                .replace("Progress: 3/9", "Progress: 1/1")
                .replace("[0.5/4] - 12.5%", "[1/1] - 100.0%")
                .replace("(Phase 3) - 5%", "(Phase 3) - 50%")
                .replace("En cours - 60%", "En cours - 50%"));
  }

  @Test
  void sync_isIdempotent() {
    PlanDocument plan = plan("## 1. A", "*Progression: 10%*", "- [x] a", "- [ ] b", "- [ ] c");

    PlanDocument once = ProgressSync.sync(plan);

    assertThat(ProgressSync.staleLines(once)).isEmpty();
    assertThat(ProgressSync.sync(once)).isSameAs(once);
    assertThat(once.toString()).contains("*Progression: 33%*");
  }

  @Test
  void lineBelongsToInnermostSection_beforeItsFirstSubsection() {
    PlanDocument plan =
        plan(
            "## 1. A",
            "*Progression: 0%*",
            "### 1.1 B",
            "*Progression: 0%*",
            "- [x] b",
            "### 1.2 C",
            "- [ ] c");

    List<ProgressLine> lines = ProgressLine.findAll(plan);

    assertThat(lines).extracting(l -> l.section().id()).containsExactly("1", "1.1");
    assertThat(lines).extracting(ProgressLine::expected).containsExactly("50%", "100%");
  }

  @Test
  void sectionWithoutTasks_keepsItsLine() {
    PlanDocument plan =
        plan("## 1. Vision", "*Progression: 40%*", "Du texte.", "## 2. B", "- [ ] x");

    ProgressLine line = ProgressLine.findAll(plan).get(0);

    assertThat(line.applies()).isFalse();
    assertThat(line.isStale()).isFalse();
    assertThat(ProgressSync.sync(plan)).isSameAs(plan);
  }

  @Test
  void progressLikeText_inCodeOrTasks_isIgnored() {
    PlanDocument plan =
        plan(
            "## 1. A",
            "```",
            "*Progression: 10%*",
            "```",
            "- [ ] Ajuster la progression: 50%",
            "- [ ] Progression: 20%",
            "Le déploiement progressif: 30% plus rapide");

    assertThat(ProgressLine.findAll(plan)).isEmpty();
  }

  @Test
  void percent_neverReaches100_withOpenTasks() {
    StringBuilder tasks = new StringBuilder("## 1. A\n*Progression: 0%*\n");
    for (int i = 0; i < 199; i++) {
      tasks.append("- [x] t").append(i).append('\n');
    }
    tasks.append("- [ ] last\n");

    PlanDocument synced = ProgressSync.sync(PlanDocument.of("p.md", tasks.toString()));

    assertThat(synced.line(2)).isEqualTo("*Progression: 99%*");
  }

  @Test
  void globalLine_underFirstOfSeveralTitles_countsTheWholePlan() {
    PlanDocument plan =
        plan(
            "# Roadmap",
            "*Version 1.0 - 2025-06-04 - Progression globale : 0%*",
            "- [x] a",
            "# Annexe",
            "- [ ] b");

    ProgressLine line = ProgressLine.findAll(plan).get(0);

    assertThat(line.section().isRoot()).isTrue();
    assertThat(line.expected()).isEqualTo("50%");
  }

  @Test
  void crlfPlan_keepsItsLineEndings() {
    PlanDocument plan =
        PlanDocument.of("c.md", "## 1. A\r\n*Progression: 0%*\r\n- [x] a\r\n- [ ] b\r\n");

    assertThat(ProgressSync.sync(plan).toString())
        .isEqualTo("## 1. A\r\n*Progression: 50%*\r\n- [x] a\r\n- [ ] b\r\n");
  }
}
