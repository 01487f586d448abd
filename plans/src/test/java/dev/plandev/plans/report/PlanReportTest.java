package dev.plandev.plans.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.dependency.DependencyGraph;
import dev.plandev.plans.effort.PlanEffort;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanReportTest {
  private final PlanDocument first =
      PlanDocument.of(
          "a.md",
          "# Plan A\n## Phase 1 <x>\n- [x] a\n- [ ] b\n## Phase 2\n- [x] c\n## Annexe\ntexte\n");
  private final PlanDocument second = PlanDocument.of("b.md", "# Plan B\n## 1. Seule\n- [ ] d\n");

  @Test
  void markdown_listsPhases() {
    String md = PlanReport.of("Suivi", List.of(first), List.of("a.md")).render(ReportFormat.MD);

    assertThat(md)
        .isEqualTo(
            "# Suivi\n\n## Plan A\n\n`a.md` — 2/3 tasks done (66.7%)\n\n"
                + "| Phase | Done | Progress |\n|---|---:|---:|\n"
                + "| Phase 1 <x> | 1/2 | 50.0% |\n"
                + "| Phase 2 | 1/1 | 100.0% |\n"
                + "| Annexe | – | – |\n\n");
  }

  @Test
  void portfolio_addsTotals() {
    PlanReport report = PlanReport.of("Tous", List.of(first, second), List.of("a.md", "b.md"));

    assertThat(report.render(ReportFormat.MD))
        .contains("| Plan A (`a.md`) | 2/3 | 66.7% |")
        .contains("| **Total** | 2/4 | 50.0% |");
  }

  @Test
  void html_hasSvgBars_andEscapesTitles() {
    String html =
        PlanReport.of("Tous", List.of(first, second), List.of("a.md", "b.md"))
            .render(ReportFormat.HTML);

    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("Phase 1 &lt;x&gt;")
        .doesNotContain("Phase 1 <x>")
        .contains(
            "<svg class=\"bar\" width=\"200\" height=\"12\" role=\"img\" aria-label=\"50.0%\">")
        .contains("<rect width=\"100.0\" height=\"12\"")
        .contains("class=\"portfolio\"")
        .endsWith("</html>\n");
  }

  @Test
  void html_escapesHostileText() {
    String script = "<script>alert(1)</script>";
    PlanDocument hostile =
        PlanDocument.of(
            "h.md", "# " + script + "\n## Phase " + script + " & \"q\"\n- [ ] " + script + "\n");

    String html =
        PlanReport.of(script, List.of(hostile, second), List.of(script + ".md", "b.md"))
            .render(ReportFormat.HTML);

    assertThat(html)
        .doesNotContain("<script")
        .contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>")
        .contains("<h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>")
        .contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;.md <svg")
        .contains("<tr><td>Phase &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;</td>");
  }

  @Test
  void html_putsEachRowOnItsOwnLine() {
    PlanDocument plan = PlanDocument.of("b.md", "# Plan B\n## 1. Seule\n- [ ] d\n## Vide\n");
    String bar =
        "<svg class=\"bar\" width=\"200\" height=\"12\" role=\"img\" aria-label=\"0.0%\">"
            + "<rect width=\"200\" height=\"12\" rx=\"3\" fill=\"#e5e7eb\"/>"
            + "<rect width=\"0.0\" height=\"12\" rx=\"3\" fill=\"#2563eb\"/></svg>";

    String html = PlanReport.of("T", List.of(plan), List.of("b.md")).render(ReportFormat.HTML);

    assertThat(html)
        .endsWith(
            "</head>\n<body>\n<h1>T</h1>\n<section>\n<h2>Plan B</h2>\n<p>b.md "
                + bar
                + "</p>\n<table>\n<tr><th>Phase</th><th>Done</th><th>Progress</th><th></th></tr>\n"
                + "<tr><td>1. Seule</td><td class=\"n\">0/1</td><td class=\"n\">0.0%</td><td>"
                + bar
                + "</td></tr>\n"
                + "<tr><td>Vide</td><td class=\"n\">–</td><td class=\"n\">–</td><td></td></tr>\n"
                + "</table>\n</section>\n</body>\n</html>\n");
  }

  @Test
  void json_hasPlansAndPhases() {
    String json = PlanReport.of("T", List.of(second), List.of("b.md")).render(ReportFormat.JSON);

    String effort =
        "\"blocked\":0,\"effort\":{\"total\":0.00,\"done\":0.00,\"remaining\":0.00,"
            + "\"unestimated\":1}";
    assertThat(json.replaceAll("\\s+", ""))
        .isEqualTo(
            "{\"title\":\"T\",\"tasks\":1,\"done\":0,\"progress\":0.0,"
                + effort
                + ",\"plans\":[{\"file\":\"b.md\","
                + "\"title\":\"PlanB\",\"tasks\":1,\"done\":0,\"progress\":0.0,"
                + effort
                + ",\"phases\":[{\"id\":"
                + "\"1\",\"title\":\"1.Seule\",\"tasks\":1,\"done\":0,\"progress\":0.0,"
                + effort
                + "}],\"blockedTasks\":[],\"criticalPath\":{\"effort\":0.00,\"tasks\":[]},"
                + "\"cycles\":[]}]}");
  }

  @Test
  void statusJson_hasTheDocumentedShape_andHonoursDepth() {
    StringWriter out = new StringWriter();
    PlanDocument plan =
        PlanDocument.of(
            "s.md", "# S\n## 1. A\n### 1.1 B\n- [x] a #time:1h\n- [ ] b #time:20min\n- [ ] c\n");

    StatusJson.write(plan, PlanEffort.of(DependencyGraph.of(plan)), "s.md", 1, out, false);

    String effort =
        "\"blocked\":0,\"effort\":{\"total\":1.33,\"done\":1.00,\"remaining\":0.33,"
            + "\"unestimated\":1}";
    assertThat(out.toString())
        .isEqualTo(
            "{\"file\":\"s.md\",\"tasks\":3,\"done\":1,\"progress\":33.3,"
                + effort
                + ",\"setAside\":0,\"unknownStatus\":0,\"sections\":[{\"id\":\"1\","
                + "\"title\":\"1. A\",\"level\":2,\"tasks\":3,\"done\":1,\"progress\":33.3,"
                + effort
                + ",\"sections\":[]}]}");
  }

  private final PlanDocument tagged =
      PlanDocument.of(
          "t.md",
          "# T\n## 1 Build\n- [x] **1.1** a #time:2h\n- [ ] **1.2** b #time:1d #depends:1.1\n"
              + "- [ ] **1.3** c <i> #time:4h #depends:1.2 #status:blocked\n## 2 Loop\n"
              + "- [ ] **2.1** d #depends:2.2\n- [ ] **2.2** e #depends:2.1\n");

  @Test
  void markdown_addsEffortCriticalPathBlockedTasksAndCycles() {
    String md = PlanReport.of("R", List.of(tagged), List.of("t.md")).render(ReportFormat.MD);

    assertThat(md)
        .contains("| Phase | Done | Progress | Effort done | Effort left |")
        .contains("| 1 Build | 1/3 | 33.3% | 2h/1d 6h | 1d 4h |")
        .contains("| 2 Loop | 0/2 | 0.0% | – | – |")
        .contains("**Effort**: 2h done of 1d 6h, 1d 4h left; 2 task(s) without effort.")
        .contains(
            "**Critical path** (1d 4h of remaining effort):\n\n"
                + "1. `1.2` **1.2** b #time:1d #depends:1.1 — 1d\n"
                + "1. `1.3` **1.3** c <i> #time:4h #depends:1.2 #status:blocked — 4h — **blocked**\n")
        .contains("- `1.3` **1.3** c <i> #time:4h #depends:1.2 #status:blocked — #status:blocked")
        .contains("- `2.1` **2.1** d #depends:2.2 — waits for 2.2")
        .contains(
            "**Dependency cycles** (not followed by the critical path):\n\n- 2.1 → 2.2 → 2.1\n");
  }

  @Test
  void html_addsEffortCriticalPathBlockedTasksAndCycles_escaped() {
    String html = PlanReport.of("R", List.of(tagged), List.of("t.md")).render(ReportFormat.HTML);

    assertThat(html)
        .contains("<th>Effort done</th><th>Effort left</th><th>Blocked</th>")
        .contains(
            "<td class=\"n\">2h/1d 6h</td><td class=\"n\">1d 4h</td><td class=\"n\">1</td></tr>")
        .contains(
            "<p class=\"effort\">Effort: 2h done of 1d 6h, 1d 4h left; 2 task(s) without effort.</p>")
        .contains("<h3>Critical path: 1d 4h</h3>")
        .contains(
            "<li><code>1.3</code> **1.3** c &lt;i&gt; #time:4h #depends:1.2 #status:blocked — 4h"
                + " — <strong>blocked</strong></li>")
        .contains("<h3>Blocked tasks (3)</h3>")
        .contains("<li>2.1 → 2.2 → 2.1</li>")
        .doesNotContain("<i>");
  }

  @Test
  void json_hasCriticalPathBlockedTasksAndCycles() throws Exception {
    var json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(
                PlanReport.of("R", List.of(tagged), List.of("t.md")).render(ReportFormat.JSON));
    var plan = json.get("plans").get(0);

    assertThat(plan.get("criticalPath").get("effort").asDouble()).isEqualTo(12.0);
    assertThat(plan.get("criticalPath").get("tasks").findValuesAsText("id"))
        .containsExactly("1.2", "1.3");
    assertThat(plan.get("blockedTasks").findValuesAsText("id"))
        .containsExactly("1.3", "2.1", "2.2");
    assertThat(plan.get("cycles").get(0).asText()).isEqualTo("2.1 → 2.2 → 2.1");
    assertThat(json.get("effort").get("remaining").asDouble()).isEqualTo(12.0);
  }

  @Test
  void html_drawsABurnDownChart_fromTheGitHistory(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    try (var repo = dev.plandev.plans.history.GitPlanRepo.init(dir)) {
      for (int done = 0; done <= 2; done++) {
        repo.commit(
            "plan.md",
            dev.plandev.plans.history.GitPlanRepo.fourTasks(done),
            dev.plandev.plans.history.GitPlanRepo.day(1 + 2 * done));
      }
    }
    java.nio.file.Path file = dir.resolve("plan.md");
    var history = dev.plandev.plans.history.PlanHistory.of(file);

    String html =
        PlanReport.of(
                "R",
                List.of(PlanDocument.parse(file)),
                List.of("plan.md"),
                java.util.Arrays.asList(history))
            .render(ReportFormat.HTML);

    // 4 → 3 → 2 tasks left over days 1, 3, 5: half a task a day, done on day 9 (2026-03-10).
    assertThat(html)
        .contains("<h3>Burn-down</h3>")
        .contains(
            "aria-label=\"Burn-down from 2026-03-02 to 2026-03-10: projected completion 2026-03-10"
                + " at 0.50 tasks a day (last 3 commits)\"")
        .contains(
            "<polyline class=\"tasks\" fill=\"none\" stroke=\"#2563eb\" stroke-width=\"2\""
                + " points=\"44.0,12.0 159.0,52.0 274.0,92.0\"/>")
        .contains("<polyline class=\"effort\"")
        .contains("<line class=\"projection\" x1=\"274.0\" y1=\"92.0\" x2=\"504.0\" y2=\"172.0\"")
        .contains("effort left in orange): projected completion 2026-03-10");
    assertThat(PlanReport.of("R", List.of(first), List.of("a.md")).render(ReportFormat.HTML))
        .doesNotContain("Burn-down");
  }
}
