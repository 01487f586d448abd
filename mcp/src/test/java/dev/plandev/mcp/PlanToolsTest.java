package dev.plandev.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.plans.AmbiguousTaskException;
import dev.plandev.plans.TaskNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanToolsTest {
  static final McpCaller EDITOR = new McpCaller("ada", true);
  static final McpCaller READER = new McpCaller("bob", false);

  @TempDir Path dir;
  Path root;
  PlanRoots roots;

  @BeforeEach
  void setUp() throws Exception {
    root = TestPlans.root(dir);
    roots = new PlanRoots(List.of(root));
  }

  static Arguments args(Map<String, Object> values) {
    return new Arguments(
        "t", values, Set.of("plan", "section", "depth", "count", "check", "uncheck", "sync"));
  }

  @Test
  void status_treeWithProgress() {
    ToolAnswer a = new StatusTool(roots).call(args(Map.of("plan", "docs/plan.md")), EDITOR);

    assertThat(a.text())
        .isEqualTo(
            "Plan de dev v1: 1/5 20% · docs/plan.md\n"
                + "1 Phase 1 : Fondations: 1/3 33.3%\n"
                + "2 Phase 2 : Livraison: 0/2 0%\n");
    assertThat(a.structured()).containsEntry("done", 1).containsEntry("total", 5);
  }

  @Test
  void status_section() {
    ToolAnswer a =
        new StatusTool(roots)
            .call(args(Map.of("plan", "docs/plan.md", "section", "livraison")), EDITOR);

    assertThat(a.text()).startsWith("2 Phase 2 : Livraison: 0/2 0%");
  }

  @Test
  void status_unknownSection_isAToolError() {
    assertThatThrownBy(
            () ->
                new StatusTool(roots)
                    .call(args(Map.of("plan", "docs/plan.md", "section", "9.9")), EDITOR))
        .isInstanceOf(McpToolException.class)
        .hasMessageContaining("no section '9.9'");
  }

  @Test
  void next_openTasksWithSectionPath() {
    ToolAnswer a =
        new NextTool(roots).call(args(Map.of("plan", "docs/plan.md", "count", 2)), EDITOR);

    assertThat(a.text())
        .isEqualTo(
            "4 ready of 4 open in docs/plan.md:\n"
                + "1.1 **1.1** Configurer le dépôt — Phase 1 : Fondations (line 9)\n"
                + "1.3 **1.3** Tester le parseur — Phase 1 : Fondations (line 11)\n");
    assertThat(a.structured()).containsEntry("open", 4).containsEntry("ready", 4);
  }

  @Test
  void next_honoursDependenciesAndPriority_likeTheCli() throws Exception {
    Path file = root.resolve("docs/deps.md");
    Files.writeString(
        file,
        "# D\n\n## 1 A\n\n- [ ] **1.1** First\n- [ ] **1.2** Second #depends:1.1\n"
            + "- [ ] **1.3** Urgent #priority:high\n- [ ] **1.4** Stuck #status:blocked\n");

    ToolAnswer a = new NextTool(roots).call(args(Map.of("plan", "docs/deps.md")), EDITOR);

    assertThat(a.text())
        .startsWith(
            "2 ready of 4 open; 1 wait on dependencies; 1 blocked or deferred in docs/deps.md")
        .contains("1.3 **1.3** Urgent")
        .doesNotContain("1.2 **1.2**")
        .doesNotContain("1.4 **1.4**");
    assertThat(a.text().indexOf("1.3 **1.3**")).isLessThan(a.text().indexOf("1.1 **1.1**"));
    assertThat(a.structured()).containsEntry("waiting", 1).containsEntry("held", 1);
  }

  @Test
  void next_neverReadsAPlanOutsideTheRoots_throughACrossPlanDependency() throws Exception {
    Path outside = dir.resolve("outside.md");
    Files.writeString(outside, "# Secret\n\n## 1 A\n\n- [x] **1.1** Done elsewhere\n");
    Path file = root.resolve("docs/peek.md");
    Files.writeString(
        file,
        "# P\n\n## 1 B\n\n- [ ] **1.1** Peek #depends:"
            + file.getParent().relativize(outside)
            + "#1.1\n");

    ToolAnswer a = new NextTool(roots).call(args(Map.of("plan", "docs/peek.md")), EDITOR);

    assertThat(a.text())
        .as("a task outside the roots counts as missing, whatever its state, so nothing leaks")
        .startsWith("0 ready of 1 open; 1 wait on dependencies");
  }

  @Test
  void update_checkChangesOneByteAndSyncsProgress() throws Exception {
    Path file = root.resolve("docs/plan.md");
    byte[] before = Files.readAllBytes(file);

    ToolAnswer a =
        new UpdateTool(roots, new PlanEdits(new Object()))
            .call(
                args(Map.of("plan", "docs/plan.md", "check", List.of("1.1"), "sync", false)),
                EDITOR);

    byte[] after = Files.readAllBytes(file);
    assertThat(after).hasSameSizeAs(before);
    int differing = 0;
    for (int i = 0; i < before.length; i++) {
      differing += before[i] == after[i] ? 0 : 1;
    }
    assertThat(differing).isEqualTo(1);
    assertThat(a.text()).contains("checked 1.1").contains("now 2/5 40%");

    new UpdateTool(roots, new PlanEdits(new Object()))
        .call(
            args(Map.of("plan", "docs/plan.md", "uncheck", List.of("Écrire le parseur"))), EDITOR);
    String synced = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(synced).contains("*Progression: 20%*").contains("- [ ] **1.2** Écrire le parseur");
  }

  @Test
  void update_unknownTaskLeavesFileUntouched() throws Exception {
    Path file = root.resolve("docs/plan.md");
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(
            () ->
                new UpdateTool(roots, new PlanEdits(new Object()))
                    .call(
                        args(Map.of("plan", "docs/plan.md", "check", List.of("1.1", "nope"))),
                        EDITOR))
        .isInstanceOf(TaskNotFoundException.class);
    assertThatThrownBy(
            () ->
                new UpdateTool(roots, new PlanEdits(new Object()))
                    .call(
                        args(Map.of("plan", "docs/plan.md", "check", List.of("parseur"))), EDITOR))
        .isInstanceOf(AmbiguousTaskException.class);
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void update_readerMayNotWrite() {
    assertThatThrownBy(
            () ->
                new UpdateTool(roots, new PlanEdits(new Object()))
                    .call(args(Map.of("plan", "docs/plan.md", "check", List.of("1.1"))), READER))
        .isInstanceOf(McpToolException.class)
        .hasMessageContaining("may only read");
  }

  @Test
  void lint_findsStaleProgress() {
    ToolAnswer a = new LintTool(roots).call(args(Map.of("plan", "docs/plan.md")), EDITOR);

    assertThat(a.text()).contains("stale-progress").startsWith("docs/plan.md: ");
    assertThat((Long) a.structured().get("errors")).isPositive();
  }

  @Test
  void arguments_wrongTypeOrUnknown_nameTheArgument() {
    assertThatThrownBy(
            () ->
                new StatusTool(roots)
                    .call(args(Map.of("plan", "docs/plan.md", "depth", "x")), EDITOR))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("t argument 'depth' must be an integer; got \"x\"");
    assertThatThrownBy(() -> args(Map.of("dept", 2))).hasMessageContaining("no argument 'dept'");
    assertThatThrownBy(() -> new StatusTool(roots).call(args(Map.of()), EDITOR))
        .hasMessage("t argument 'plan' is required");
  }
}
