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

    assertThat(json.replaceAll("\\s+", ""))
        .isEqualTo(
            "{\"title\":\"T\",\"tasks\":1,\"done\":0,\"progress\":0.0,\"plans\":[{\"file\":\"b.md\","
                + "\"title\":\"PlanB\",\"tasks\":1,\"done\":0,\"progress\":0.0,\"phases\":[{\"id\":"
                + "\"1\",\"title\":\"1.Seule\",\"tasks\":1,\"done\":0,\"progress\":0.0}]}]}");
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
                + ",\"setAside\":0,\"sections\":[{\"id\":\"1\","
                + "\"title\":\"1. A\",\"level\":2,\"tasks\":3,\"done\":1,\"progress\":33.3,"
                + effort
                + ",\"sections\":[]}]}");
  }
}
