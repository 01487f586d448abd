package dev.plandev.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanDocumentTest {
  @TempDir Path dir;

  private PlanDocument sample() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/plans/sample.md")) {
      Path file = dir.resolve("sample.md");
      Files.write(file, in.readAllBytes());
      return PlanDocument.parse(file);
    }
  }

  private PlanDocument write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return PlanDocument.parse(file);
  }

  @Test
  void parse_buildsSectionTree_withNumbering() throws IOException {
    PlanDocument plan = sample();

    Section root = plan.root();
    assertThat(root.title()).isEqualTo("Plan de développement v1 - Exemple");
    assertThat(root.children()).extracting(Section::id).containsExactly("1", "2");
    Section phase1 = root.children().get(0);
    assertThat(phase1.title()).isEqualTo("Phase 1 : Fondations 🚀");
    assertThat(phase1.level()).isEqualTo(2);
    assertThat(phase1.children()).extracting(Section::id).containsExactly("1.1", "1.2");
    assertThat(phase1.children().get(1).path()).containsExactly(phase1.title(), "1.2 Tests");
  }

  @Test
  void parse_findsTasks_butNotInCode() throws IOException {
    PlanDocument plan = sample();

    assertThat(plan.tasks())
        .extracting(Task::text)
        .containsExactly(
            "**1.1.1** Installer Qdrant",
            "**1.1.1.1** Démarrer le conteneur",
            "**1.1.1.2** Configurer les ports",
            "Écrire la documentation ✅",
            "Premier test numéroté",
            "Deuxième test",
            "Sous-tâche imbriquée",
            "🔧 **Tâche 2.1**: Refactoriser",
            "Tâche répétée",
            "Tâche répétée");
    assertThat(plan.toString()).contains("- [ ] not a task in a fence");
  }

  @Test
  void parse_recordsNestingAndState() throws IOException {
    PlanDocument plan = sample();

    Task ports = plan.task("1.1.1.2");
    assertThat(ports.checked()).isFalse();
    assertThat(ports.depth()).isEqualTo(1);
    assertThat(ports.parent()).map(Task::id).contains("1.1.1");
    assertThat(ports.section().id()).isEqualTo("1.1");
    assertThat(plan.line(ports.line())).isEqualTo("  - [ ] **1.1.1.2** Configurer les ports");
  }

  @Test
  void ids_useLabels_orSectionAndRank() throws IOException {
    PlanDocument plan = sample();

    assertThat(plan.tasks())
        .extracting(Task::id)
        .containsExactly(
            "1.1.1", "1.1.1.1", "1.1.1.2", "1.1#4", "1.2#1", "1.2#2", "1.2#3", "2.1", "2#2", "2#3");
    assertThat(plan.task("1.1#1").id()).isEqualTo("1.1.1");
  }

  @Test
  void progress_leavesCancelledAndDeferredTasksOut_andCountsThemAside() {
    PlanDocument plan =
        PlanDocument.of(
            "p.md",
            String.join(
                "\n",
                "# P",
                "## 1 A",
                "- [x] done",
                "- [ ] open #status:in-progress",
                "- [x] dropped #status:cancelled",
                "## 2 B",
                "- [ ] later #statut:reporté",
                "- [x] done too",
                ""));

    assertThat(plan.progress()).isEqualTo(new Progress(2, 3));
    assertThat(plan.root().setAside()).isEqualTo(2);
    assertThat(plan.sections().get(1).progress()).isEqualTo(new Progress(1, 1));
    assertThat(plan.sections().get(1).setAside()).isEqualTo(1);
  }

  @Test
  void progress_countsSubsections() throws IOException {
    PlanDocument plan = sample();

    assertThat(plan.progress()).isEqualTo(new Progress(5, 10));
    assertThat(plan.root().children().get(0).progress()).isEqualTo(new Progress(3, 7));
    assertThat(plan.root().children().get(0).progress().percent()).isEqualTo(42.9);
  }

  @Test
  void task_byTextFragment_ignoresCaseAndEmphasis() throws IOException {
    PlanDocument plan = sample();

    assertThat(plan.task("configurer LES ports").id()).isEqualTo("1.1.1.2");
    assertThat(plan.task("tâche 2.1: refactoriser").id()).isEqualTo("2.1");
    assertThat(plan.task("ecrire la DOCUMENTATION").id()).isEqualTo("1.1#4");
  }

  @Test
  void task_unknown_saysWhatToDo() throws IOException {
    PlanDocument plan = sample();

    assertThatThrownBy(() -> plan.task("foo"))
        .isInstanceOf(TaskNotFoundException.class)
        .hasMessage(
            "no task matches 'foo' in sample.md; use `plandev next sample.md` or a task id like"
                + " 2.1#3");
  }

  @Test
  void task_ambiguous_listsCandidates() throws IOException {
    PlanDocument plan = sample();

    assertThatThrownBy(() -> plan.task("Tâche répétée"))
        .isInstanceOf(AmbiguousTaskException.class)
        .hasMessageContaining("matches 2 tasks in sample.md")
        .hasMessageContaining("2#2 (line")
        .hasMessageContaining("2#3 (line");
    assertThatThrownBy(() -> plan.task("tâche")).hasMessageContaining("4 tasks");
  }

  @Test
  void toggle_changesOneByte() throws IOException {
    PlanDocument plan = sample();
    byte[] before = plan.bytes();

    PlanDocument after = plan.withChecked(plan.task("Premier test"), true);

    byte[] bytes = after.bytes();
    assertThat(bytes).hasSameSizeAs(before);
    int diff = -1;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != before[i]) {
        assertThat(diff).isEqualTo(-1);
        diff = i;
      }
    }
    assertThat(bytes[diff]).isEqualTo((byte) 'x');
    assertThat(after.task("Premier test").checked()).isTrue();
    assertThat(after.progress()).isEqualTo(new Progress(6, 10));
  }

  @Test
  void crlf_roundTripsAndToggles() throws IOException {
    String text = "# Plan\r\n\r\n## 1. Phase\r\n\r\n- [ ] one\r\n- [x] two\r\n";
    PlanDocument plan = write("crlf.md", text.getBytes(StandardCharsets.UTF_8));

    assertThat(plan.bytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    assertThat(plan.tasks()).extracting(Task::text).containsExactly("one", "two");
    assertThat(plan.line(5)).isEqualTo("- [ ] one");
    PlanDocument checked = plan.withChecked(plan.task("one"), true);
    assertThat(checked.toString()).isEqualTo(text.replace("[ ] one", "[x] one"));
  }

  @Test
  void bom_isKept_andDoesNotHideTheTitle() throws IOException {
    byte[] bytes = "\uFEFF# Titre\n\n## Phase 1\n- [ ] tâche\n".getBytes(StandardCharsets.UTF_8);
    PlanDocument plan = write("bom.md", bytes);

    assertThat(plan.bytes()).isEqualTo(bytes);
    assertThat(plan.root().title()).isEqualTo("Titre");
    assertThat(plan.root().children()).extracting(Section::id).containsExactly("1");
    PlanDocument checked = plan.withChecked(plan.task("tâche"), true);
    assertThat(new String(checked.bytes(), StandardCharsets.UTF_8)).endsWith("- [x] tâche\n");
    assertThat(checked.bytes()[0]).isEqualTo((byte) 0xEF);
  }

  @Test
  void missingFinalNewline_isKept() throws IOException {
    byte[] bytes = "## 1. A\n- [ ] last".getBytes(StandardCharsets.UTF_8);
    PlanDocument plan = write("nofinal.md", bytes);

    assertThat(plan.bytes()).isEqualTo(bytes);
    assertThat(plan.lineCount()).isEqualTo(2);
    assertThat(plan.withChecked(plan.task("last"), true).toString())
        .isEqualTo("## 1. A\n- [x] last");
  }

  @Test
  void invalidUtf8_roundTripsUnchanged() throws IOException {
    byte[] bytes = {'#', ' ', 'P', (byte) 0xE9, '\n', '-', ' ', '[', ' ', ']', ' ', 'a', '\n'};
    PlanDocument plan = write("latin1.md", bytes);

    assertThat(plan.bytes()).isEqualTo(bytes);
    byte[] toggled = plan.withChecked(plan.tasks().get(0), true).bytes();
    assertThat(toggled[8]).isEqualTo((byte) 'x');
    assertThat(toggled[3]).isEqualTo((byte) 0xE9);
  }

  @Test
  void validUtf8_withAReplacementCharacter_staysUtf8() throws IOException {
    byte[] bytes = "- [ ] caractère \uFFFD voulu\n".getBytes(StandardCharsets.UTF_8);
    PlanDocument plan = write("fffd.md", bytes);

    assertThat(plan.bytes()).isEqualTo(bytes);
    assertThat(plan.tasks().get(0).text()).isEqualTo("caractère \uFFFD voulu");
    assertThat(plan.withChecked(plan.tasks().get(0), true).bytes()).hasSameSizeAs(bytes);
  }

  @Test
  void checkboxVariants_onlyGfmFormsAreTasks() {
    PlanDocument plan =
        PlanDocument.of(
            "v.md",
            String.join(
                "\n",
                "- [X] upper",
                "* [ ] star",
                "+ [x] plus",
                "3) [ ] paren",
                "- [] empty brackets",
                "- [1] Phase 1",
                "- [x]no space",
                "> - [ ] quoted",
                "- text [ ] later",
                ""));

    assertThat(plan.tasks())
        .extracting(Task::text)
        .containsExactly("upper", "star", "plus", "paren", "quoted");
  }

  @Test
  void headings_withEmojiAndEmphasis_keepTheirNumbering() {
    PlanDocument plan =
        PlanDocument.of(
            "n.md",
            String.join(
                "\n",
                "## 🎯 **Phase 3**: Déploiement",
                "### 3.1. Préparer ✅",
                "##### 3.1.0.1 Profond",
                "### Sans numéro",
                "## Phase 3 bis",
                ""));

    List<Section> sections = plan.sections();
    assertThat(sections)
        .extracting(Section::numbering)
        .containsExactly("3", "3.1", "3.1.0.1", "", "3");
    assertThat(sections)
        .extracting(Section::id)
        .containsExactly("h1", "3.1", "3.1.0.1", "h4", "h5");
    assertThat(sections.get(2).parent()).isSameAs(sections.get(1));
  }

  @Test
  void missingFile_isBadInput() {
    assertThatThrownBy(() -> PlanDocument.parse(dir.resolve("nope.md")))
        .isInstanceOf(NotAPlanException.class)
        .hasMessageContaining("nope.md");
  }

  @Test
  void save_keepsPermissionsAndSymbolicLinks() throws IOException {
    Path real = Files.createDirectories(dir.resolve("real")).resolve("plan.md");
    Files.writeString(real, "- [ ] a\n");
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
    Path link = Files.createSymbolicLink(dir.resolve("link.md"), real);

    PlanDocument plan = PlanDocument.parse(link);
    plan.withChecked(plan.tasks().get(0), true).save();

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("- [x] a\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real)))
        .isEqualTo("rw-------");
    assertThat(Files.list(real.getParent())).hasSize(1);
  }

  @Test
  void save_writesEditsOnly() throws IOException {
    PlanDocument plan = sample();
    plan.withChecked(plan.task("1.1.1.2"), true).save();

    String saved = Files.readString(plan.path());
    assertThat(saved).contains("- [x] **1.1.1.2** Configurer les ports");
    assertThat(saved.length()).isEqualTo(plan.toString().length());
    assertThat(Files.list(dir)).hasSize(1);
  }
}
