package dev.plandev.plans.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskMetadataTest {

  @Test
  void parse_readsKnownKeysAndTheirSynonyms_caseAndAccentsIgnored() {
    TaskMetadata m =
        TaskMetadata.parse(
            "**1.5** UI #Priorité:haute #catégorie:frontend #durée:1.5d #dépend:1.4 #Owner:ana");

    assertThat(m.priority()).contains(Priority.HIGH);
    assertThat(m.category()).contains("frontend");
    assertThat(m.effort()).contains(new Effort(12 * 60));
    assertThat(m.dependencies()).containsExactly(new Dependency(null, "1.4"));
    assertThat(m.owner()).contains("ana");
    assertThat(m.tags())
        .extracting(Tag::key)
        .containsExactly("priority", "category", "effort", "depends", "owner");
  }

  @Test
  void parse_effortSynonyms_allMeanEffort() {
    for (String key : List.of("time", "temps", "duration", "durée", "TIME")) {
      assertThat(TaskMetadata.parse("x #" + key + ":2h").effort())
          .as(key)
          .contains(new Effort(120));
    }
    assertThat(TaskMetadata.parse("x #assignee:bob").owner()).contains("bob");
    assertThat(TaskMetadata.parse("x #statut:bloqué").status()).contains("bloqué");
  }

  @Test
  void parse_severalDependencies_withinAndAcrossPlans() {
    assertThat(TaskMetadata.parse("x #depends:1.4,2.1 #depends:other-plan.md#3.2").dependencies())
        .containsExactly(
            new Dependency(null, "1.4"),
            new Dependency(null, "2.1"),
            new Dependency("other-plan.md", "3.2"));
    assertThat(Dependency.parseList("2.1#4").get(0)).isEqualTo(new Dependency(null, "2.1#4"));
  }

  @Test
  void parse_unknownKeys_areKeptAndShown() {
    TaskMetadata m = TaskMetadata.parse("Map tags #scope:analysis #priority:low");

    assertThat(m.otherTags()).extracting(Tag::toString).containsExactly("#scope:analysis");
    assertThat(m.tags()).hasSize(2);
  }

  @Test
  void parse_ignoresTagsInCodeSpans_headingsAndUrls() {
    assertThat(TaskMetadata.parse("ex: `#context:ide #scope:analysis`").isEmpty()).isTrue();
    assertThat(TaskMetadata.parse("see http://x/#frag:1 and C#:x").isEmpty()).isTrue();
    assertThat(TaskMetadata.parse("no tags here").isEmpty()).isTrue();
  }

  @Test
  void tagOffsets_pointAtTheTagInTheText() {
    String text = "Deploy #time:2h now";
    Tag tag = TaskMetadata.parse(text).tags().get(0);

    assertThat(text.substring(tag.start(), tag.end())).isEqualTo("#time:2h");
  }

  @Test
  void effort_parsesUnitsWithEightHourDays() {
    assertThat(Effort.parse("2h")).contains(new Effort(120));
    assertThat(Effort.parse("30min")).contains(new Effort(30));
    assertThat(Effort.parse("1.5d")).contains(new Effort(720));
    assertThat(Effort.parse("3j")).contains(new Effort(3 * 480));
    assertThat(Effort.parse("0,5h")).contains(new Effort(30));
    assertThat(Effort.parse("1j4h")).contains(new Effort(480 + 240));
    assertThat(Effort.parse("2h30")).contains(new Effort(150));
    assertThat(Effort.parse("1w")).contains(new Effort(5 * 480));
    assertThat(Effort.parse("Xd")).isEmpty();
    assertThat(Effort.parse("XjYh")).isEmpty();
    assertThat(Effort.parse("30")).isEmpty();
    assertThat(Effort.parse("2hours")).isEmpty();
  }

  @Test
  void effort_printsItsShortestForm() {
    assertThat(new Effort(150)).hasToString("2h30min");
    assertThat(new Effort(480 + 240)).hasToString("1d 4h");
    assertThat(new Effort(30)).hasToString("30min");
    assertThat(Effort.NONE).hasToString("0h");
  }

  @Test
  void state_comesFromTheBoxThenTheStatusTag() {
    assertThat(TaskState.of(false, TaskMetadata.NONE)).isEqualTo(TaskState.OPEN);
    assertThat(TaskState.of(true, TaskMetadata.NONE)).isEqualTo(TaskState.DONE);
    assertThat(state(false, "#status:in-progress")).isEqualTo(TaskState.IN_PROGRESS);
    assertThat(state(false, "#statut:en_cours")).isEqualTo(TaskState.IN_PROGRESS);
    assertThat(state(false, "#status:blocked")).isEqualTo(TaskState.BLOCKED);
    assertThat(state(false, "#statut:reporté")).isEqualTo(TaskState.DEFERRED);
    assertThat(state(true, "#status:cancelled")).isEqualTo(TaskState.CANCELLED);
    assertThat(state(true, "#status:blocked")).isEqualTo(TaskState.DONE);
    assertThat(state(false, "#status:done")).isEqualTo(TaskState.OPEN);
    assertThat(state(false, "#status:whatever")).isEqualTo(TaskState.OPEN);
  }

  @Test
  void priority_synonyms() {
    assertThat(Priority.parse("Haute")).contains(Priority.HIGH);
    assertThat(Priority.parse("moyenne")).contains(Priority.MEDIUM);
    assertThat(Priority.parse("basse")).contains(Priority.LOW);
    assertThat(Priority.parse("soon")).isEmpty();
    assertThat(TaskMetadata.NONE.priorityOrDefault()).isEqualTo(Priority.MEDIUM);
  }

  private static TaskState state(boolean checked, String text) {
    return TaskState.of(checked, TaskMetadata.parse(text));
  }
}
