package dev.plandev.plans.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.plans.Corpus;
import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Task;
import dev.plandev.plans.edit.TaskTags.Change;
import dev.plandev.plans.metadata.Priority;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTagsCorpusTest {
  /**
   * In every real plan, tagging a task and then removing the tag again changes only that task's
   * line, the tags read back, and removing one of them leaves exactly what setting only the other
   * would have written.
   */
  @Test
  void tagThenRemove_changesOnlyTheTasksLine_inEveryPlan() {
    int tagged = 0;
    for (Path file : Corpus.plans()) {
      PlanDocument plan = PlanDocument.parse(file);
      for (Task task : plan.tasks().stream().limit(5).toList()) {
        PlanDocument edited =
            TaskTags.apply(
                plan, task, List.of(Change.parse("priorité:haute"), Change.parse("x-run:1")));
        assertThat(edited.lineCount()).isEqualTo(plan.lineCount());
        for (int line = 1; line <= plan.lineCount(); line++) {
          if (line != task.line()) {
            assertThat(edited.line(line)).as(file + ":" + line).isEqualTo(plan.line(line));
          }
        }
        Task after = edited.tasks().stream().filter(t -> t.line() == task.line()).findFirst().get();
        assertThat(after.metadata().priority()).as(file + " " + task).contains(Priority.HIGH);
        assertThat(after.metadata().value("x-run")).contains("1");

        PlanDocument removed = TaskTags.apply(edited, after, List.of(Change.removal("x-run")));
        assertThat(removed.toString())
            .isEqualTo(
                TaskTags.apply(plan, task, List.of(Change.parse("priorité:haute"))).toString());
        tagged++;
      }
    }
    assertThat(tagged).isGreaterThan(200);
  }
}
