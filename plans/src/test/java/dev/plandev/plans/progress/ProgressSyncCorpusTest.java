package dev.plandev.plans.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.plans.Corpus;
import dev.plandev.plans.PlanDocument;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProgressSyncCorpusTest {

  @Test
  void sync_changesOnlyDigits_andIsIdempotent_forEveryPlan() {
    int progressLines = 0;
    int stale = 0;
    for (Path file : Corpus.plans()) {
      PlanDocument plan = PlanDocument.parse(file);
      progressLines += ProgressLine.findAll(plan).size();
      stale += ProgressSync.staleLines(plan).size();

      PlanDocument synced = ProgressSync.sync(plan);

      assertThat(withoutDigits(synced.toString()))
          .as("only numbers change in %s", file)
          .isEqualTo(withoutDigits(plan.toString()));
      assertThat(synced.lineCount()).isEqualTo(plan.lineCount());
      assertThat(ProgressSync.staleLines(synced)).as("stale after sync in %s", file).isEmpty();
      assertThat(synced.progress()).isEqualTo(plan.progress());
    }
    assertThat(progressLines).isGreaterThan(400);
    assertThat(stale).isPositive().isLessThan(progressLines);
  }

  private static String withoutDigits(String text) {
    return text.replaceAll("[0-9]+(?:[.,][0-9]+)?", "#");
  }
}
