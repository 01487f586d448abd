package dev.plandev.plans.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.plans.Corpus;
import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code #key:value} tag of the real plans is read, with its meaning where it has one. The
 * counts printed here are the ones quoted in the issue notes.
 */
class MetadataCorpusTest {
  /** A looser pattern than the parser's, to catch tags the parser would miss. */
  private static final Pattern ANY_TAG = Pattern.compile("(?<=\\s)#\\p{L}[\\p{L}\\p{N}_-]*:\\S");

  @Test
  void everyTagOfEveryPlan_isParsed_andRoundTripsStayByteIdentical() throws Exception {
    Map<String, Integer> perKey = new TreeMap<>();
    List<String> unparsedEfforts = new ArrayList<>();
    int tasksWithTags = 0;
    for (Path file : Corpus.plans()) {
      byte[] bytes = Files.readAllBytes(file);
      PlanDocument plan = PlanDocument.parse(file, bytes);
      assertThat(plan.bytes()).as(file.toString()).isEqualTo(bytes);
      for (Task task : plan.tasks()) {
        TaskMetadata m = task.metadata();
        tasksWithTags += m.isEmpty() ? 0 : 1;
        for (Tag tag : m.tags()) {
          perKey.merge(tag.key(), 1, Integer::sum);
        }
        m.effortText()
            .filter(v -> m.effort().isEmpty())
            .ifPresent(v -> unparsedEfforts.add(file.getFileName() + ":" + task.line() + " " + v));
        assertThat(countOutsideCode(task.text())).as(task.toString()).isEqualTo(m.tags().size());
      }
    }
    System.out.println("tasks with tags: " + tasksWithTags + ", tags per key: " + perKey);
    System.out.println("effort values that do not parse: " + unparsedEfforts);

    assertThat(perKey)
        .containsEntry("effort", 43)
        .containsEntry("category", 25)
        .containsEntry("priority", 22)
        .containsEntry("depends", 6)
        .containsEntry("status", 1);
    // The only unparsed efforts are format placeholders a plan writes about (#duration:Xd).
    assertThat(unparsedEfforts).isNotEmpty().allSatisfy(v -> assertThat(v).contains(" X"));
  }

  private static int countOutsideCode(String text) {
    Matcher m = ANY_TAG.matcher(" " + text);
    int n = 0;
    while (m.find()) {
      String before = (" " + text).substring(0, m.start());
      n += before.chars().filter(c -> c == '`').count() % 2 == 0 ? 1 : 0;
    }
    return n;
  }
}
