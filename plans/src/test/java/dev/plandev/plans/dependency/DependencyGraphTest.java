package dev.plandev.plans.dependency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Task;
import dev.plandev.plans.metadata.Priority;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyGraphTest {
  private static final String PLAN =
      String.join(
          "\n",
          "# Release",
          "",
          "## 1 Build",
          "",
          "- [x] **1.1** Compile #time:1h",
          "- [ ] **1.2** Package #depends:1.1 #priority:low",
          "- [ ] **1.3** Sign #depends:1.2",
          "- [ ] **1.4** Publish #depends:1.3,other.md#2.1",
          "- [ ] **1.5** Announce #priority:high #category:docs",
          "- [ ] **1.6** Mirror #status:blocked",
          "- [ ] **1.7** Old idea #status:cancelled",
          "- [ ] **1.8** Later #status:deferred",
          "- [ ] **1.9** After cancelled #depends:1.7 #owner:Zoé",
          "",
          "## 2 Docs",
          "",
          "- [ ] **2.1** Write #depends:9.9",
          "");

  @TempDir Path dir;

  private PlanDocument write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return PlanDocument.parse(file);
  }

  @Test
  void dependencies_resolveWithinThePlan_andAcrossPlansBesideIt() throws IOException {
    write("other.md", "# Other\n\n## 2 Part\n\n- [x] **2.1** Done elsewhere\n");
    PlanDocument plan = write("plan.md", PLAN);
    DependencyGraph graph = DependencyGraph.of(plan);

    List<ResolvedDependency> deps = graph.dependenciesOf(plan.task("1.4"));

    assertThat(deps)
        .extracting(d -> d.task().text())
        .containsExactly(plan.task("1.3").text(), "**2.1** Done elsewhere");
    assertThat(graph.planOf(deps.get(1).task()).name()).isEqualTo("other.md");
    assertThat(deps.get(1).satisfied()).isTrue();
    assertThat(graph.dependentsOf(plan.task("1.2"))).extracting(Task::id).containsExactly("1.3");
  }

  @Test
  void missingIdsAndPlans_sayWhatIsMissing() throws IOException {
    PlanDocument plan = write("plan.md", PLAN);
    DependencyGraph graph = DependencyGraph.of(plan);

    assertThat(graph.dependenciesOf(plan.task("2.1")).get(0).problem())
        .isEqualTo("no task has id 9.9 in plan.md");
    assertThat(graph.dependenciesOf(plan.task("1.4")).get(1).problem())
        .startsWith("no plan file ")
        .endsWith("other.md");
  }

  @Test
  void cycles_areFoundOnceEach_includingSelfAndCrossPlanCycles() throws IOException {
    write("other.md", "# Other\n\n- [ ] **7.1** Back #depends:plan.md#3.1\n");
    PlanDocument plan =
        write(
            "plan.md",
            String.join(
                "\n",
                "# P",
                "- [ ] **1.1** A #depends:1.2",
                "- [ ] **1.2** B #depends:1.3",
                "- [ ] **1.3** C #depends:1.1",
                "- [ ] **2.1** Self #depends:2.1",
                "- [ ] **3.1** Out #depends:other.md#7.1",
                "- [ ] **4.1** Free #depends:1.1",
                ""));

    List<List<Task>> cycles = DependencyGraph.of(plan).cycles();

    assertThat(cycles)
        .extracting(c -> c.stream().map(Task::id).toList())
        .containsExactly(List.of("1.1", "1.2", "1.3"), List.of("2.1"), List.of("3.1", "7.1"));
  }

  @Test
  void next_onlyReadyTasks_byPriorityThenDocumentOrder() throws IOException {
    write("other.md", "# Other\n\n## 2 Part\n\n- [x] **2.1** Done elsewhere\n");
    PlanDocument plan = write("plan.md", PLAN);

    NextTasks next = NextTasks.of(DependencyGraph.of(plan), TaskFilter.ALL);

    // 1.3 and 1.4 wait on the open 1.2 (a blocked chain); 2.1 waits on a missing task; 1.6 is
    // blocked and 1.8 deferred; 1.9 may start because 1.7 was cancelled.
    assertThat(next.ready()).extracting(Task::id).containsExactly("1.5", "1.9", "1.2");
    assertThat(next.waiting()).isEqualTo(3);
    assertThat(next.held()).isEqualTo(2);
    assertThat(next.remaining()).isEqualTo(8);
    assertThat(next.summary())
        .isEqualTo("3 ready of 8 open; 3 wait on dependencies; 2 blocked or deferred");
  }

  @Test
  void next_filtersByPriorityCategoryOwnerAndSection() throws IOException {
    PlanDocument plan = write("plan.md", PLAN);
    DependencyGraph graph = DependencyGraph.of(plan);

    assertThat(ids(graph, new TaskFilter(Priority.LOW, null, null, null))).containsExactly("1.2");
    assertThat(ids(graph, new TaskFilter(null, "DOCS", null, null))).containsExactly("1.5");
    assertThat(ids(graph, new TaskFilter(null, null, "zoe", null))).containsExactly("1.9");
    assertThat(ids(graph, new TaskFilter(null, null, null, plan.sections().get(1)))).isEmpty();
  }

  private static List<String> ids(DependencyGraph graph, TaskFilter filter) {
    return NextTasks.of(graph, filter).ready().stream().map(Task::id).toList();
  }
}
