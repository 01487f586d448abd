package dev.plandev.plans.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.plans.Corpus;
import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Section;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskAppendCorpusTest {
  /**
   * In every real plan, appending to each of its first sections with tasks inserts exactly one line
   * (plus a blank one for a section without tasks): removing it gives back the original text, and
   * the new task reads back, open, in that section.
   */
  @Test
  void append_insertsOneLineAndChangesNothingElse_inEveryPlan() {
    int appended = 0;
    for (Path file : Corpus.plans()) {
      PlanDocument plan = PlanDocument.parse(file);
      for (Section section : plan.sections().stream().limit(6).toList()) {
        TaskAppend.Appended added = TaskAppend.append(plan, section.id(), "Added by the test");
        PlanDocument edited = added.plan();
        List<String> lines = new ArrayList<>(Arrays.asList(edited.toString().split("\n", -1)));
        int at = added.task().line() - 1;
        assertThat(lines.get(at)).as(file + " " + section.id()).contains("[ ] ");
        lines.remove(at);
        if (section.tasks().isEmpty()) {
          assertThat(lines.remove(at - 1).strip()).as(file + " " + section.id()).isEmpty();
        }
        assertThat(String.join("\n", lines))
            .as(file + " " + section.id())
            .isEqualTo(plan.toString());
        assertThat(added.task().text()).as(file + " " + section.id()).contains("Added by the test");
        assertThat(added.task().section().id()).isEqualTo(section.id());
        assertThat(added.task().checked()).isFalse();
        appended++;
      }
    }
    assertThat(appended).isGreaterThan(200);
  }
}
