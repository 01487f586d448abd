package dev.plandev.defaults.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model files of SQLite full backups never claim usage events the backup lacks: copied before
 * the snapshot, and dropped by a restore when an older backup holds such a model.
 */
class ModelFilesTest {
  @TempDir Path dir;

  private static Feedback choice(String path) {
    return new Feedback("scope", Context.of("path", path), "v", Outcome.CHOSEN, null, "t");
  }

  @Test
  void aModelSavedAfterTheSnapshot_isNotTheOneBackedUp() throws Exception {
    PlandevConfig config = PlandevConfig.defaults().withDataDir(dir.resolve("data").toString());
    Path modelDir = config.resolve(config.ml().modelPath());
    try (SmartDefaults d = SmartDefaults.open(config, Clock.systemUTC())) {
      for (int i = 0; i < 10; i++) {
        d.feedback(choice("p" + i));
      }
    }
    assertThat(modelDir.resolve(ModelFiles.OFFSET)).hasContent("10");
    Manifest m;
    try (SmartDefaults live = SmartDefaults.open(config, Clock.systemUTC())) {
      Backups backups = Backups.of(config, Clock.systemUTC());
      m =
          backups.full(
              step -> {
                if (step.equals("sample of resolves")) {
                  // The snapshot is taken: the service records an event and saves a model that
                  // learned it.
                  long id = live.feedback(choice("late")).id();
                  try {
                    Files.writeString(modelDir.resolve(ModelFiles.OFFSET), Long.toString(id));
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }
              });
    }
    assertThat(m.lastIds()).containsEntry("usage_events", 10L);
    Path plain = dir.resolve("offset.txt");
    Compressed.read(
        config.backupPath().resolve(m.id()).resolve("model/" + ModelFiles.OFFSET + ".zst"), plain);
    assertThat(plain).hasContent("10");
  }

  @Test
  void aStagedModelPastTheBackupsLastEvent_isDropped_soTheEngineRelearns() throws Exception {
    Path staged = dir.resolve("model");
    Files.createDirectories(staged);
    Files.writeString(staged.resolve(ModelFiles.MODEL), "model");
    Files.writeString(staged.resolve(ModelFiles.OFFSET), "12");
    Manifest m =
        new Manifest(
            1,
            "full-x",
            "full",
            "sqlite",
            null,
            null,
            "2026-01-01T00:00:00Z",
            "2026-01-01T00:00:00Z",
            2,
            Map.of(),
            Map.of("usage_events", 11L),
            List.of(),
            List.of(),
            3,
            List.of());
    assertThat(ModelFiles.keepIfConsistent(staged, m))
        .isEqualTo(
            "model: left out (it learned usage events up to 12, the backup holds them up to 11);"
                + " the engine relearns the restored usage events");
    assertThat(ModelFiles.modelFiles(staged)).isEmpty();
  }
}
