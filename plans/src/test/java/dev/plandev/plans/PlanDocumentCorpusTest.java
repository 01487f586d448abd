package dev.plandev.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanDocumentCorpusTest {

  @Test
  void corpus_hasAllPlans() {
    // 99 plans plus one hidden prompt file (.github__prompts__…) that is Markdown too.
    assertThat(Corpus.plans()).hasSizeGreaterThanOrEqualTo(99);
  }

  @Test
  void parseThenWrite_givesBackTheSameBytes_forEveryPlan() throws IOException {
    for (Path file : Corpus.plans()) {
      byte[] original = Files.readAllBytes(file);
      PlanDocument plan = PlanDocument.parse(file);

      assertThat(plan.bytes()).as(file.toString()).isEqualTo(original);
      assertThat(PlanDocument.of(plan.name(), plan.toString()).bytes())
          .as("re-encoded text of %s", file)
          .isEqualTo(original);
    }
  }

  @Test
  void toggle_changesOneByte_forEveryPlan() throws IOException {
    for (Path file : Corpus.plans()) {
      PlanDocument plan = PlanDocument.parse(file);
      List<Task> tasks = plan.tasks();
      if (tasks.isEmpty()) {
        continue;
      }
      Task task = tasks.get(tasks.size() / 2);
      byte[] before = plan.bytes();
      PlanDocument toggled = plan.withChecked(task, !task.checked());
      byte[] after = toggled.bytes();

      assertThat(after).hasSameSizeAs(before);
      int changed = 0;
      for (int i = 0; i < before.length; i++) {
        changed += before[i] != after[i] ? 1 : 0;
      }
      assertThat(changed).as(file.toString()).isEqualTo(1);
      Task again = toggled.task(task.positionalId());
      assertThat(again.checked()).isEqualTo(!task.checked());
      assertThat(toggled.withChecked(again, task.checked()).bytes()).isEqualTo(before);
    }
  }

  @Test
  void taskCount_isAboutFifteenThousand_andIdsAreUnique() {
    int total = 0;
    for (Path file : Corpus.plans()) {
      PlanDocument plan = PlanDocument.parse(file);
      List<Task> tasks = plan.tasks();
      total += tasks.size();
      assertThat(tasks.stream().map(Task::id).distinct().count())
          .as("unique ids in %s", file)
          .isEqualTo(tasks.size());
      assertThat(plan.progress().total()).isEqualTo(tasks.size());
      for (Task task : tasks) {
        assertThat(plan.line(task.line())).contains("[" + (task.checked() ? "" : " "));
        assertThat(plan.task(task.id())).isSameAs(task);
      }
    }
    assertThat(total).isBetween(14_000, 16_500);
  }

  @Test
  void corpusFiles_areUtf8() throws IOException {
    for (Path file : Corpus.plans()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      assertThat(text).isNotEmpty();
    }
  }
}
