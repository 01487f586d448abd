package dev.plandev.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.PlanFileEdit;
import dev.plandev.plans.PlanFileException;
import dev.plandev.plans.TaskNotFoundException;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan_show, plan_find, plan_add and plan_update's tags on real plan files in a temp root. */
class TaskToolsTest {
  static final McpCaller EDITOR = PlanToolsTest.EDITOR;
  static final String DEPS =
      "# D\n\n## 1 Build\n\n*Progression: 0%*\n\n"
          + "- [ ] **1.1** Compile #time:2h\n"
          + "  - [x] parse\n"
          + "  - [ ] emit\n"
          + "- [ ] **1.2** Package #depends:1.1,9.9 #priority:high\n"
          + "- [ ] **1.3** Ship #depends:1.1\n\n"
          + "## 2 Docs\n\n- [x] **2.1** Écrire le guide #owner:zoé\n";

  @TempDir Path dir;
  Path root;
  Path deps;
  PlanRoots roots;
  final PlanEdits edits = new PlanEdits(new Object());

  @BeforeEach
  void setUp() throws Exception {
    root = TestPlans.root(dir);
    deps = root.resolve("docs/deps.md");
    Files.writeString(deps, DEPS, StandardCharsets.UTF_8);
    roots = new PlanRoots(List.of(root));
  }

  static Arguments args(String tool, Map<String, Object> values) {
    return new Arguments(
        tool,
        values,
        Set.of(
            "plan", "task", "query", "status", "tag", "tags", "count", "section", "text", "check",
            "uncheck", "sync"));
  }

  @Test
  void show_taskWithSubtasksDependenciesAndDependents() {
    ToolAnswer compile =
        new ShowTool(roots)
            .call(args("plan_show", Map.of("plan", "docs/deps.md", "task", "1.1")), EDITOR);
    ToolAnswer pack =
        new ShowTool(roots)
            .call(args("plan_show", Map.of("plan", "docs/deps.md", "task", "1.2")), EDITOR);

    assertThat(compile.text())
        .startsWith("1.1 [ ] **1.1** Compile #time:2h\n  docs/deps.md line 7 · 1 Build\n")
        .contains("state: open · tags: effort:2h\n")
        .contains("subtasks: 1/2 done\n    1#2 [x] parse\n    1#3 [ ] emit\n")
        .contains("needed by:\n    1.2 [ ] **1.2** Package")
        .contains("    1.3 [ ] **1.3** Ship");
    assertThat(pack.text())
        .contains("depends on:\n    1.1 [ ] **1.1** Compile")
        .contains("9.9 missing: no task has id 9.9 in deps.md");
    assertThat(pack.structured()).containsEntry("state", "open");
    assertThat(pack.structured().get("tags"))
        .isEqualTo(Map.of("depends", "1.1,9.9", "priority", "high"));
  }

  @Test
  void show_unknownTask_namesIt() {
    assertThatThrownBy(
            () ->
                new ShowTool(roots)
                    .call(args("plan_show", Map.of("plan", "docs/deps.md", "task", "7.7")), EDITOR))
        .isInstanceOf(TaskNotFoundException.class)
        .hasMessageContaining("7.7");
  }

  @Test
  void show_outsideTheRoots_isRefused() throws Exception {
    Files.writeString(dir.resolve("secret.md"), DEPS);
    assertThatThrownBy(
            () ->
                new ShowTool(roots)
                    .call(args("plan_show", Map.of("plan", "../secret.md", "task", "1.1")), EDITOR))
        .isInstanceOf(McpToolException.class)
        .hasMessageContaining("outside the plan roots");
  }

  @Test
  void find_acrossPlans_accentsAndCaseIgnored_byStateAndTag() {
    ToolAnswer words =
        new FindTool(roots).call(args("plan_find", Map.of("query", "ECRIRE")), EDITOR);
    ToolAnswer tagged =
        new FindTool(roots)
            .call(args("plan_find", Map.of("tag", List.of("priorité:haute"))), EDITOR);
    ToolAnswer done =
        new FindTool(roots)
            .call(
                args("plan_find", Map.of("status", List.of("done"), "plan", "docs/deps.md")),
                EDITOR);

    assertThat(words.text())
        .isEqualTo(
            "2 tasks in 2 plans:\n"
                + "docs/deps.md:15 2.1 **2.1** Écrire le guide #owner:zoé\n"
                + "docs/plan.md:10 1.2 **1.2** Écrire le parseur 🚀\n");
    assertThat(tagged.text())
        .isEqualTo(
            "1 task in 2 plans:\ndocs/deps.md:10 1.2 **1.2** Package #depends:1.1,9.9 #priority:high\n");
    assertThat(done.structured()).containsEntry("found", 2).containsEntry("plans", 1);
  }

  @Test
  void find_nothing_saysSo_andCountCutsTheList() {
    ToolAnswer none =
        new FindTool(roots).call(args("plan_find", Map.of("query", "kubernetes")), EDITOR);
    ToolAnswer one = new FindTool(roots).call(args("plan_find", Map.of("count", 1)), EDITOR);

    assertThat(none.text()).isEqualTo("0 tasks in 2 plans\n");
    assertThat(one.text())
        .endsWith("(+10 not shown; raise count or narrow with plan, status or tag)\n");
  }

  @Test
  void find_outsideTheRoots_isRefused() {
    assertThatThrownBy(
            () -> new FindTool(roots).call(args("plan_find", Map.of("plan", "../..")), EDITOR))
        .isInstanceOf(McpToolException.class)
        .hasMessageContaining("outside the plan roots");
  }

  @Test
  void add_appendsANumberedTaggedTask_andChangesOnlyThatLineAndProgress() throws Exception {
    ToolAnswer a =
        new AddTool(roots, edits)
            .call(
                args(
                    "plan_add",
                    Map.of(
                        "plan", "docs/deps.md",
                        "section", "build",
                        "text", "Sign",
                        "tags", List.of("owner:ana"))),
                EDITOR);

    assertThat(a.text())
        .isEqualTo(
            "docs/deps.md: added 1.4 [ ] **1.4** Sign #owner:ana (line 12); 1 progress line"
                + " rewritten; now 2/7 28.6%\n");
    assertThat(Files.readString(deps))
        .isEqualTo(
            DEPS.replace(
                    "- [ ] **1.3** Ship #depends:1.1\n",
                    "- [ ] **1.3** Ship #depends:1.1\n- [ ] **1.4** Sign #owner:ana\n")
                .replace("*Progression: 0%*", "*Progression: 17%*"));
  }

  @Test
  void add_rewritesTheProgressLinesItMakesStale() throws Exception {
    new AddTool(roots, edits)
        .call(
            args("plan_add", Map.of("plan", "docs/plan.md", "section", "1", "text", "Relire")),
            EDITOR);

    String plan = Files.readString(root.resolve("docs/plan.md"));
    assertThat(plan).contains("- [ ] **1.3** Tester le parseur\n- [ ] **1.4** Relire\n");
    assertThat(plan).contains("*Progression: 17%*").contains("*Progression: 25%*");
  }

  @Test
  void add_unknownSection_orOutsideTheRoots_orThroughADanglingLink_changesNothing()
      throws Exception {
    Files.createSymbolicLink(root.resolve("docs/gone.md"), dir.resolve("nowhere.md"));
    AddTool tool = new AddTool(roots, edits);

    assertThatThrownBy(
            () ->
                tool.call(
                    args("plan_add", Map.of("plan", "docs/deps.md", "section", "9", "text", "x")),
                    EDITOR))
        .isInstanceOf(McpToolException.class)
        .hasMessageContaining("no section '9'");
    assertThatThrownBy(
            () ->
                tool.call(
                    args("plan_add", Map.of("plan", "../x.md", "section", "1", "text", "x")),
                    EDITOR))
        .hasMessageContaining("outside the plan roots");
    assertThatThrownBy(
            () ->
                tool.call(
                    args("plan_add", Map.of("plan", "docs/gone.md", "section", "1", "text", "x")),
                    EDITOR))
        .isInstanceOf(McpToolException.class)
        .hasMessageContaining("no plan 'docs/gone.md'");
    assertThat(Files.readString(deps)).isEqualTo(DEPS);
    assertThat(dir.resolve("nowhere.md")).doesNotExist();
  }

  @Test
  void add_byAReader_isRefused() {
    assertThatThrownBy(
            () ->
                new AddTool(roots, edits)
                    .call(
                        args(
                            "plan_add",
                            Map.of("plan", "docs/deps.md", "section", "1", "text", "x")),
                        PlanToolsTest.READER))
        .hasMessageContaining("may only read");
  }

  @Test
  void update_tagsSetReplaceAndRemove_onlyTheTaskLinesChange() throws Exception {
    ToolAnswer a =
        new UpdateTool(roots, edits)
            .call(
                args(
                    "plan_update",
                    Map.of(
                        "plan",
                        "docs/deps.md",
                        "tag",
                        Map.of("1.1", List.of("temps:3h", "owner:ana"), "1.2", "priority:"),
                        "sync",
                        false)),
                EDITOR);

    assertThat(a.text()).containsPattern("tagged (1.1, 1.2|1.2, 1.1);").doesNotContain("checked");
    assertThat(Files.readString(deps))
        .isEqualTo(
            DEPS.replace("Compile #time:2h", "Compile #time:3h #owner:ana")
                .replace(" #priority:high", ""));
  }

  @Test
  void update_tagOfAnUnknownTask_leavesTheFileUntouched() throws Exception {
    assertThatThrownBy(
            () ->
                new UpdateTool(roots, edits)
                    .call(
                        args(
                            "plan_update",
                            Map.of(
                                "plan",
                                "docs/deps.md",
                                "check",
                                List.of("1.1"),
                                "tag",
                                Map.of("8.8", List.of("owner:ana")))),
                        EDITOR))
        .isInstanceOf(TaskNotFoundException.class);
    assertThat(Files.readString(deps)).isEqualTo(DEPS);
  }

  @Test
  void concurrentEdits_thatNeverSettle_areReportedPlainly_andTheOtherWriterWins() {
    PlanEdits racing = new RacingEdits();
    List<Runnable> calls =
        List.of(
            () ->
                new AddTool(roots, racing)
                    .call(
                        args(
                            "plan_add",
                            Map.of("plan", "docs/deps.md", "section", "1", "text", "x")),
                        EDITOR),
            () ->
                new UpdateTool(roots, racing)
                    .call(
                        args(
                            "plan_update",
                            Map.of(
                                "plan", "docs/deps.md", "tag", Map.of("1.1", List.of("owner:x")))),
                        EDITOR));
    for (Runnable call : calls) {
      PlanFileException e =
          (PlanFileException) org.assertj.core.api.Assertions.catchThrowable(call::run);
      CallToolResult result = McpErrors.toolFailure("plan_add", e);

      assertThat(result.isError()).isTrue();
      assertThat(((TextContent) result.content().get(0)).text())
          .contains("the plan changed on disk while it was being edited")
          .contains("run the command again")
          .doesNotContain("Exception");
      assertThat(readString(deps)).startsWith(DEPS).contains("written by another program");
    }
  }

  /**
   * Edits during which another program keeps rewriting the plan without its lock, as an editor
   * saving would: every attempt finds the bytes it parsed gone.
   */
  private static final class RacingEdits extends PlanEdits {
    private final AtomicInteger writes = new AtomicInteger();

    RacingEdits() {
      super(new Object());
    }

    @Override
    <R> R apply(Path file, Function<PlanDocument, PlanFileEdit.Change<R>> change) {
      return super.apply(
          file,
          plan -> {
            try {
              Files.writeString(
                  file,
                  DEPS + "written by another program " + writes.incrementAndGet() + "\n",
                  StandardCharsets.UTF_8);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            return change.apply(plan);
          });
    }
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
