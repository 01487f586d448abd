package dev.plandev.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.cli.CliRun;
import dev.plandev.cli.CliRun.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandsTest {
  private static final String PLAN =
      String.join(
          "\n",
          "# Plan de test",
          "",
          "*Version 1.0 - 2025-05-29 - Progression globale : 0%*",
          "",
          "## Phase 1 : Fondations",
          "",
          "*Progression: 90%*",
          "",
          "### 1.1 Mise en place",
          "",
          "- [x] **1.1.1** Installer Qdrant",
          "- [ ] **1.1.2** Configurer les ports 🚀",
          "",
          "### 1.2 Tests",
          "",
          "1. [ ] Écrire les tests",
          "2. [ ] Lancer les tests",
          "",
          "## Phase 2 : Suite",
          "",
          "- [x] Documenter",
          "");

  /** No blocked task, no effort tag: the unestimated count is the counted tasks, here %d. */
  private static final String NO_EFFORT =
      "\"blocked\":0,\"effort\":{\"total\":0.00,\"done\":0.00,\"remaining\":0.00,"
          + "\"unestimated\":%d}";

  @TempDir Path dir;
  private Path plan;

  @BeforeEach
  void writePlan() throws IOException {
    plan = dir.resolve("plan.md");
    Files.writeString(plan, PLAN);
  }

  private Result run(String... args) {
    return new CliRun(dir).run(args);
  }

  @Test
  void help_ofEveryPlanCommand_rendersCleanly() {
    for (String command :
        new String[] {
          "status", "sync", "check", "uncheck", "next", "show", "add", "tag", "find", "lint",
          "report", "history", "watch"
        }) {
      Result r = run(command, "--help");

      assertThat(r.code()).as(command).isZero();
      assertThat(r.out()).as(command).startsWith("Usage: plandev " + command).doesNotContain("%n");
    }
    assertThat(run("sync", "--help").out()).contains("(*Progression: 85%*, …)");
  }

  @Test
  void status_printsTheTree() {
    Result r = run("status", plan.toString());

    assertThat(r.code()).isZero();
    assertThat(r.out().lines().toList())
        .hasSize(5)
        .satisfies(l -> assertThat(l.get(0)).startsWith("Plan de test").contains("2/5", "40.0%"))
        .satisfies(l -> assertThat(l.get(1)).startsWith("  Phase 1 : Fondations").contains("1/4"))
        .satisfies(l -> assertThat(l.get(2)).startsWith("    1.1 Mise en place").contains("50.0%"))
        .satisfies(l -> assertThat(l.get(4)).startsWith("  Phase 2 : Suite").contains("100.0%"));
  }

  @Test
  void statusJson_hasTheDocumentedShape() {
    Result r = run("status", plan.toString(), "--json", "--depth", "1");

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "{\"file\":\""
                + plan
                + "\",\"tasks\":5,\"done\":2,\"progress\":40.0,"
                + NO_EFFORT.replace("%d", "5")
                + ",\"setAside\":0,\"unknownStatus\":0,\"sections\":["
                + "{\"id\":\"1\",\"title\":\"Phase 1 : Fondations\",\"level\":2,\"tasks\":4,"
                + "\"done\":1,\"progress\":25.0,"
                + NO_EFFORT.replace("%d", "4")
                + ",\"sections\":[]},"
                + "{\"id\":\"2\",\"title\":\"Phase 2 : Suite\",\"level\":2,\"tasks\":1,"
                + "\"done\":1,\"progress\":100.0,"
                + NO_EFFORT.replace("%d", "1")
                + ",\"sections\":[]}]}\n");
  }

  @Test
  void status_missingFile_isAUsageError() {
    Result r = run("status", dir.resolve("absent.md").toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no such plan file").contains("absent.md");
  }

  @Test
  void syncCheck_listsStaleLines_andExits1() throws IOException {
    Result r = run("sync", "--check", plan.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains(plan + ":3: 0% -> 40% (whole plan, 2/5 tasks done)")
        .contains(plan + ":7: 90% -> 25% (section 1, 1/4 tasks done)")
        .contains("2 stale progress line(s) in 1 file(s)");
    assertThat(Files.readString(plan)).isEqualTo(PLAN);
  }

  @Test
  void sync_rewritesNumbersOnly_thenCheckPasses() throws IOException {
    Result r = run("sync", dir.toString());

    assertThat(r.code()).isZero();
    assertThat(r.out()).endsWith("updated 2 progress line(s) in 1 file(s)\n");
    assertThat(Files.readString(plan))
        .isEqualTo(
            PLAN.replace("globale : 0%", "globale : 40%")
                .replace("*Progression: 90%*", "*Progression: 25%*"));
    assertThat(run("sync", "--check", plan.toString()).code()).isZero();
    assertThat(run("sync", plan.toString()).out()).contains("updated 0 progress line(s)");
  }

  @Test
  void check_byId_changesOneByte() throws IOException {
    byte[] before = Files.readAllBytes(plan);

    Result r = run("check", plan.toString(), "1.1.2");

    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("checked 1.1.2 **1.1.2** Configurer les ports 🚀 (line 12)\n");
    byte[] after = Files.readAllBytes(plan);
    assertThat(after).hasSameSizeAs(before);
    int changed = 0;
    for (int i = 0; i < after.length; i++) {
      changed += after[i] != before[i] ? 1 : 0;
    }
    assertThat(changed).isEqualTo(1);
  }

  @Test
  void checkAndUncheck_byTextFragment() throws IOException {
    assertThat(run("check", plan.toString(), "lancer les").code()).isZero();
    assertThat(Files.readString(plan)).contains("2. [x] Lancer les tests");
    assertThat(run("check", plan.toString(), "lancer les").out()).startsWith("already checked");

    assertThat(run("uncheck", plan.toString(), "1.2#2").out())
        .isEqualTo("unchecked 1.2#2 Lancer les tests (line 17)\n");
    assertThat(Files.readString(plan)).isEqualTo(PLAN);
  }

  @Test
  void checkWithSync_alsoFixesProgressLines() throws IOException {
    Result r = run("check", plan.toString(), "1.1.2", "--sync");

    assertThat(r.out()).endsWith("(line 12), 2 progress line(s) synced\n");
    assertThat(Files.readString(plan))
        .contains("globale : 60%")
        .contains("*Progression: 50%*")
        .contains("- [x] **1.1.2**");
  }

  @Test
  void check_ambiguousOrUnknown_isAUsageError_andChangesNothing() throws IOException {
    Result ambiguous = run("check", plan.toString(), "tests");
    Result unknown = run("check", plan.toString(), "déployer");

    assertThat(ambiguous.code()).isEqualTo(2);
    assertThat(ambiguous.err())
        .contains("'tests' matches 2 tasks in plan.md")
        .contains("1.2#1 (line 16) Écrire les tests")
        .contains("1.2#2 (line 17) Lancer les tests");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("no task matches 'déployer' in plan.md");
    assertThat(Files.readString(plan)).isEqualTo(PLAN);
  }

  @Test
  void next_listsOpenTasks_withTheirSectionPath() {
    Result r = run("next", plan.toString(), "-n", "2");

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "3 ready of 3 open\n"
                + "1.1.2        **1.1.2** Configurer les ports 🚀\n"
                + "             line 12 · Phase 1 : Fondations > 1.1 Mise en place\n"
                + "1.2#1        Écrire les tests\n"
                + "             line 16 · Phase 1 : Fondations > 1.2 Tests\n");
    assertThat(run("next", plan.toString(), "-n", "0").code()).isEqualTo(2);
  }

  @Test
  void lint_reportsErrors_andExits1() {
    Result r = run("lint", plan.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains(plan + ":3: error [stale-progress] progress says 0% but the plan has 2/5")
        .contains("(fix: run plandev sync " + plan + ")")
        .endsWith("1 file(s), 2 error(s), 0 warning(s)\n");
  }

  @Test
  void lintJson_andCleanPlan_exits0() throws IOException {
    run("sync", plan.toString());

    Result r = run("lint", "--json", plan.toString());

    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("[]\n");
  }

  @Test
  void report_htmlToFile_withSvgBars() throws IOException {
    Path html = dir.resolve("report.html");

    Result r = run("report", plan.toString(), "--format", "html", "--output", html.toString());

    assertThat(r.code()).isZero();
    assertThat(Files.readString(html, StandardCharsets.UTF_8))
        .contains("<svg class=\"bar\"")
        .contains("Phase 1 : Fondations");
  }

  @Test
  void report_folderIsAPortfolio_andBadFormatIsUsageError() throws IOException {
    Files.writeString(dir.resolve("other.md"), "# Autre\n## 1. X\n- [ ] y\n");

    Result md = run("report", dir.toString(), "--format", "md");
    Result json = run("report", dir.toString(), "--format", "JSON");
    Result bad = run("report", dir.toString(), "--format", "pdf");

    assertThat(md.out()).contains("| **Total** | 2/6 | 33.3% |");
    assertThat(json.out()).contains("\"plans\"").contains("\"phases\"");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("expected md, html or json, got 'pdf'");
  }
}
