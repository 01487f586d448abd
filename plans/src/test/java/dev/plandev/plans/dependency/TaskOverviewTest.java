package dev.plandev.plans.dependency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Task;
import org.junit.jupiter.api.Test;

class TaskOverviewTest {
  private static final String PLAN =
      String.join(
          "\n",
          "# P",
          "",
          "## 1 Build",
          "",
          "- [ ] **1.1** Compile",
          "  - [x] parse",
          "    - [ ] lexer",
          "  - [ ] emit",
          "- [ ] **1.2** Package #depends:1.1,9.9",
          "- [ ] **1.3** Ship #depends:1.1",
          "");

  @Test
  void subtreeDepthFirst_dependenciesAsWritten_dependentsInDocumentOrder() {
    PlanDocument plan = PlanDocument.of("p.md", PLAN);
    DependencyGraph graph = DependencyGraph.of(plan);

    TaskOverview compile = TaskOverview.of(graph, plan.task("1.1"));
    TaskOverview pack = TaskOverview.of(graph, plan.task("1.2"));

    assertThat(compile.subtasks()).extracting(Task::text).containsExactly("parse", "lexer", "emit");
    assertThat(compile.subtasksDone()).isEqualTo(1);
    assertThat(compile.dependents()).extracting(Task::id).containsExactly("1.2", "1.3");
    assertThat(pack.dependencies())
        .extracting(d -> d.found().map(Task::id).orElse("missing"))
        .containsExactly("1.1", "missing");
    assertThat(pack.subtasks()).isEmpty();
  }
}
