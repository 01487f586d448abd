package dev.plandev.plans.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.plans.PlanDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskAppendTest {
  @TempDir Path dir;

  private PlanDocument plan(String text) throws IOException {
    Path file = dir.resolve("plan.md");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return PlanDocument.parse(file);
  }

  @Test
  void numberedSection_getsTheNextNumber_afterTheLastTaskAndItsSubtasks() throws IOException {
    PlanDocument plan =
        plan(
            "# Plan\n\n## 2 Build\n\n"
                + "- [x] **2.1** Compile #time:1h\n"
                + "- [ ] **2.3** Package\n"
                + "  continued here\n"
                + "  - [ ] **2.3.1** Zip\n"
                + "\n## 3 Ship\n\n- [ ] **3.1** Upload\n");

    TaskAppend.Appended added = TaskAppend.append(plan, "2", "Sign the jar #owner:ana");

    assertThat(added.plan().toString())
        .isEqualTo(
            "# Plan\n\n## 2 Build\n\n"
                + "- [x] **2.1** Compile #time:1h\n"
                + "- [ ] **2.3** Package\n"
                + "  continued here\n"
                + "  - [ ] **2.3.1** Zip\n"
                + "- [ ] **2.4** Sign the jar #owner:ana\n"
                + "\n## 3 Ship\n\n- [ ] **3.1** Upload\n");
    assertThat(added.task().id()).isEqualTo("2.4");
    assertThat(added.task().line()).isEqualTo(9);
    assertThat(added.task().section().id()).isEqualTo("2");
    assertThat(added.task().metadata().owner()).contains("ana");
  }

  @Test
  void copiesIndentOrderedMarkerSpacingAndNumberDecoration() throws IOException {
    PlanDocument plan =
        plan("## 1 Phase\n\n   1.  [x]  **Tâche 1.9** : Audit\n   2.  [ ]  **Tâche 1.10** : Fix\n");

    String text = TaskAppend.append(plan, "1", "Vérifier").plan().toString();

    assertThat(text)
        .endsWith("   2.  [ ]  **Tâche 1.10** : Fix\n   3.  [ ]  **Tâche 1.11** : Vérifier\n");
  }

  @Test
  void numberInsideTitleEmphasis_isClosedAgain() throws IOException {
    PlanDocument plan = plan("## 4 Docs\n- [ ] **4.2 Guide**\n");

    assertThat(TaskAppend.append(plan, "4", "FAQ").plan().toString())
        .isEqualTo("## 4 Docs\n- [ ] **4.2 Guide**\n- [ ] **4.3 FAQ**\n");
  }

  @Test
  void textWithItsOwnNumber_orUnnumberedSiblings_isWrittenAsGiven() throws IOException {
    PlanDocument numbered = plan("## 1 A\n- [ ] **1.1** One\n");
    PlanDocument plain = plan("## Notes\n* [ ] tidy up\n\nA closing paragraph.\n");

    assertThat(TaskAppend.append(numbered, "1", "**1.5** Five").plan().toString())
        .isEqualTo("## 1 A\n- [ ] **1.1** One\n- [ ] **1.5** Five\n");
    assertThat(TaskAppend.append(plain, "h1", "sweep").plan().toString())
        .isEqualTo("## Notes\n* [ ] tidy up\n* [ ] sweep\n\nA closing paragraph.\n");
  }

  @Test
  void looseItemBody_andIndentedCode_belongToTheLastTask_butAFenceAtListIndentDoesNot()
      throws IOException {
    PlanDocument loose =
        plan("## 1 A\n- [ ] **1.1** One\n\n  More about one.\n\n      code in one\n\nAfter.\n");
    PlanDocument fenced = plan("## 1 A\n- [ ] **1.1** One\n```\n- [ ] not a task\n```\n");

    assertThat(TaskAppend.append(loose, "1", "Two").plan().toString())
        .isEqualTo(
            "## 1 A\n- [ ] **1.1** One\n\n  More about one.\n\n      code in one\n"
                + "- [ ] **1.2** Two\n\nAfter.\n");
    assertThat(TaskAppend.append(fenced, "1", "Two").plan().toString())
        .isEqualTo("## 1 A\n- [ ] **1.1** One\n- [ ] **1.2** Two\n```\n- [ ] not a task\n```\n");
  }

  @Test
  void sectionWithoutTasks_getsAPlainItemAfterItsLastText_keptApartByABlankLine()
      throws IOException {
    PlanDocument plan = plan("# P\n\n## 1 Empty\n\nSome intro.\n\n\n## 2 Next\n- [ ] x\n");

    TaskAppend.Appended added = TaskAppend.append(plan, "1", "First");

    assertThat(added.plan().toString())
        .isEqualTo("# P\n\n## 1 Empty\n\nSome intro.\n\n- [ ] First\n\n\n## 2 Next\n- [ ] x\n");
    assertThat(added.task().section().id()).isEqualTo("1");
  }

  @Test
  void keepsCrlfAndAMissingFinalNewline_byteForByte() throws IOException {
    PlanDocument plan = plan("## 1 A\r\n- [ ] **1.1** One\r\n- [ ] **1.2** Two");

    PlanDocument edited = TaskAppend.append(plan, "1", "Three").plan();

    assertThat(new String(edited.bytes(), StandardCharsets.UTF_8))
        .isEqualTo("## 1 A\r\n- [ ] **1.1** One\r\n- [ ] **1.2** Two\r\n- [ ] **1.3** Three");
  }

  @Test
  void unknownSection_namesTheIdsThereAre() throws IOException {
    PlanDocument plan = plan("# P\n## 1 A\n- [ ] a\n## 2 B\n");

    assertThatThrownBy(() -> TaskAppend.append(plan, "7", "x"))
        .isInstanceOf(UnknownSectionException.class)
        .hasMessage("no section '7' in plan.md; its section ids are 1, 2");
    assertThatThrownBy(() -> TaskAppend.append(plan, "1", "  "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
