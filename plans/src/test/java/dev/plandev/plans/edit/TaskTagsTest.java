package dev.plandev.plans.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Task;
import dev.plandev.plans.edit.TaskTags.Change;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskTagsTest {
  private static final String PLAN =
      "# P\r\n\r\n## 1 A\r\n"
          + "- [ ] **1.1** Build #time:1h #Priorité:basse `#owner:example`\r\n"
          + "- [ ] **1.2** Ship  \r\n"
          + "  still 1.2 #category:ops";

  @TempDir Path dir;

  private PlanDocument plan() throws IOException {
    Path file = dir.resolve("plan.md");
    Files.writeString(file, PLAN, StandardCharsets.UTF_8);
    return PlanDocument.parse(file);
  }

  private static String tag(PlanDocument plan, String id, String... changes) {
    Task task = plan.task(id);
    List<Change> parsed = java.util.Arrays.stream(changes).map(Change::parse).toList();
    return new String(TaskTags.apply(plan, task, parsed).bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void synonymReplacesTheValue_keepingThePlansSpellingOfTheKey() throws IOException {
    assertThat(tag(plan(), "1.1", "temps:2h", "priority:high"))
        .isEqualTo(PLAN.replace("#time:1h #Priorité:basse", "#time:2h #Priorité:high"));
  }

  @Test
  void newKey_goesAtTheEndOfTheCheckboxLine_beforeTrailingSpaces() throws IOException {
    assertThat(tag(plan(), "1.2", "owner:ana", "depends:1.1,other.md#2.1"))
        .isEqualTo(PLAN.replace("Ship  \r\n", "Ship #owner:ana #depends:1.1,other.md#2.1  \r\n"));
    // A tag inside `code` is an example, not the task's owner, so it stays and a real one is added.
    assertThat(tag(plan(), "1.1", "owner:bo"))
        .isEqualTo(PLAN.replace("`#owner:example`", "`#owner:example` #owner:bo"));
  }

  @Test
  void emptyValueOrRemoval_removesTheTagAndOneSpace() throws IOException {
    PlanDocument plan = plan();
    assertThat(tag(plan, "1.1", "time:")).isEqualTo(PLAN.replace(" #time:1h", ""));
    Task task = plan.task("1.1");
    PlanDocument removed = TaskTags.apply(plan, task, List.of(Change.removal("#priorite")));
    assertThat(removed.toString()).isEqualTo(PLAN.replace(" #Priorité:basse", ""));
  }

  @Test
  void noChange_returnsTheSamePlan() throws IOException {
    PlanDocument plan = plan();
    Task task = plan.task("1.1");
    assertThat(TaskTags.apply(plan, task, List.of(Change.parse("effort:1h")))).isSameAs(plan);
    assertThat(TaskTags.apply(plan, task, List.of(Change.parse("owner:")))).isSameAs(plan);
  }

  @Test
  void refusesWhatWouldNotReadBack_sayingWhatToWrite() {
    assertThatThrownBy(() -> Change.parse("priority"))
        .isInstanceOf(InvalidTagException.class)
        .hasMessageContaining("write e.g. priority:high");
    assertThatThrownBy(() -> Change.parse("2x:y")).hasMessageContaining("starts with a letter");
    assertThatThrownBy(() -> Change.parse("owner:ana maria"))
        .hasMessageContaining("join words with -");
    assertThatThrownBy(() -> Change.parse("time:soon"))
        .hasMessage("'soon' is not an effort; write e.g. 30min, 2h, 1.5d or 3j");
  }
}
