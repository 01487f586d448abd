package dev.plandev.defaults.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.testing.Services;
import dev.plandev.defaults.testing.TestClock;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ranking model's files in full backups of a PostgreSQL store (a fresh schema per store): taken
 * with the export, never claiming a usage event the export lacks, checked by verify, restored into
 * the data directory of the restore with the model they replace set aside.
 */
class PostgresModelBackupTest {
  private final List<String> schemas = new ArrayList<>();

  @TempDir Path dir;

  private PlandevConfig fresh(Path data) {
    String schema = Services.freshPostgresSchema();
    schemas.add(schema);
    return Services.postgresConfig(data, schema);
  }

  @AfterEach
  void drop() {
    schemas.forEach(Services::dropPostgresSchema);
  }

  /** Records {@code n} choices, which the engine learns; closing the store saves the model. */
  private static void choices(PlandevConfig config, Clock clock, int from, int n) {
    try (SmartDefaults d = SmartDefaults.open(config, clock)) {
      for (int i = from; i < from + n; i++) {
        d.feedback(
            new Feedback(
                "scope", Context.of("path", "p" + i % 5), "v" + i % 3, Outcome.CHOSEN, null, "t"));
      }
    }
  }

  private static long learnedUpTo(Path modelDir) throws Exception {
    return Long.parseLong(Files.readString(modelDir.resolve(ModelFiles.OFFSET)).trim());
  }

  /** The id of the last usage event a backup's model file says it learned. */
  private static long learnedUpTo(Backups backups, Manifest m) throws Exception {
    Path plain = Files.createTempFile(Path.of(backups.dir().toString()), "offset", ".txt");
    Compressed.read(
        backups.dir().resolve(m.id()).resolve("model/" + ModelFiles.OFFSET + ".zst"), plain);
    long id = Long.parseLong(Files.readString(plain).trim());
    Files.delete(plain);
    return id;
  }

  @Test
  void aFullBackup_holdsTheModelFiles_andARestorePutsThemInItsDataDirectory_settingTheOldAside()
      throws Exception {
    PlandevConfig source = fresh(dir.resolve("source"));
    choices(source, Clock.systemUTC(), 0, 30);
    Path sourceModel = source.resolve(source.ml().modelPath());
    long learned = learnedUpTo(sourceModel);
    assertThat(learned).isEqualTo(30);
    Backups backups = Backups.of(source, Clock.systemUTC());
    Manifest m = backups.full(BackupProgress.NONE);

    assertThat(ModelFiles.entries(m))
        .extracting(Manifest.FileEntry::restoresTo)
        .containsExactly("model/" + ModelFiles.OFFSET, "model/" + ModelFiles.MODEL);
    assertThat(learnedUpTo(backups, m))
        .isEqualTo(learned)
        .isLessThanOrEqualTo(m.lastIds().get("usage_events"));
    backups.verify(m.id());

    // Another store's model is in the data directory restored into: it is set aside, never kept.
    PlandevConfig target = fresh(dir.resolve("source")); // the source's key file, another schema
    Path restoredDir = dir.resolve("restored");
    Path oldModel = restoredDir.resolve("model");
    Files.createDirectories(oldModel);
    Files.writeString(oldModel.resolve(ModelFiles.MODEL), "another store's model");
    Files.writeString(oldModel.resolve(ModelFiles.OFFSET), "999999");

    Restored r =
        Backups.of(target, Clock.systemUTC())
            .restore(m.id(), restoredDir, false, BackupProgress.NONE);
    assertThat(r.checks())
        .contains(
            "model: 2 files, learned up to usage event 30 (later restored events are learned on start)");
    assertThat(Files.readAllBytes(oldModel.resolve(ModelFiles.MODEL)))
        .isEqualTo(Files.readAllBytes(sourceModel.resolve(ModelFiles.MODEL)));
    assertThat(learnedUpTo(oldModel)).isEqualTo(30);
    try (var s = Files.list(restoredDir)) {
      Path aside =
          s.filter(p -> p.getFileName().toString().startsWith("replaced-"))
              .findFirst()
              .orElseThrow();
      assertThat(aside.resolve("model").resolve(ModelFiles.MODEL))
          .hasContent("another store's model");
    }
    assertThat(restoredDir.resolve(".restore-" + m.id())).doesNotExist();

    // The restored store runs on that model: nothing left to learn, predictions from the model.
    PlandevConfig restored = target.withDataDir(restoredDir.toString());
    try (SmartDefaults d = SmartDefaults.open(restored, Clock.systemUTC())) {
      assertThat(d.engineHealth().learnedEvents()).isEqualTo(30);
      assertThat(d.predict("scope", Context.of("path", "p1"), 3)).isNotEmpty();
    }
  }

  @Test
  void aModelSavedWhileTheExportRuns_isNotTheOneBackedUp_itWouldClaimEventsTheExportLacks()
      throws Exception {
    PlandevConfig source = fresh(dir.resolve("source"));
    choices(source, Clock.systemUTC(), 0, 10);
    Path modelDir = source.resolve(source.ml().modelPath());
    Manifest m;
    try (SmartDefaults live = SmartDefaults.open(source, Clock.systemUTC())) {
      m =
          Backups.of(source, Clock.systemUTC())
              .full(
                  step -> {
                    if (step.startsWith("export of the schema")) {
                      // The snapshot is taken: a service now records an event and saves a model
                      // that learned it, as a service does at any moment.
                      long id =
                          live.feedback(
                                  new Feedback(
                                      "scope",
                                      Context.of("path", "late"),
                                      "late",
                                      Outcome.CHOSEN,
                                      null,
                                      "t"))
                              .id();
                      try {
                        Files.writeString(modelDir.resolve(ModelFiles.OFFSET), Long.toString(id));
                      } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                      }
                    }
                  });
    }
    Backups backups = Backups.of(source, Clock.systemUTC());
    assertThat(m.lastIds().get("usage_events")).isEqualTo(10);
    assertThat(ModelFiles.entries(m)).hasSize(2);
    // Copied before the snapshot: the model in the backup learned the snapshot's events, no more.
    assertThat(learnedUpTo(backups, m)).isEqualTo(10);
  }

  @Test
  void aModelOfAnotherStore_isLeftOutOfTheBackup() throws Exception {
    PlandevConfig source = fresh(dir.resolve("source"));
    choices(source, Clock.systemUTC(), 0, 5);
    Files.writeString(source.resolve(source.ml().modelPath()).resolve(ModelFiles.OFFSET), "5000");
    List<String> steps = new ArrayList<>();
    Manifest m = Backups.of(source, Clock.systemUTC()).full(steps::add);
    assertThat(ModelFiles.entries(m)).isEmpty();
    assertThat(steps)
        .anyMatch(s -> s.startsWith("model files left out: they learned usage events up to 5000"));
  }

  @Test
  void aDamagedModelFile_failsVerify_andTheRestore_namingIt_beforeImportingAnything()
      throws Exception {
    PlandevConfig source = fresh(dir.resolve("source"));
    choices(source, Clock.systemUTC(), 0, 10);
    Backups backups = Backups.of(source, Clock.systemUTC());
    Manifest m = backups.full(BackupProgress.NONE);
    Path file = backups.dir().resolve(m.id()).resolve("model/" + ModelFiles.MODEL + ".zst");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(raf.length() / 2);
      int b = raf.read();
      raf.seek(raf.length() / 2);
      raf.write(b ^ 0x10);
    }
    assertThatThrownBy(() -> backups.verify(m.id()))
        .isInstanceOf(DamagedBackupException.class)
        .hasMessageContaining("model/ranker.model.zst");
    PlandevConfig target = fresh(dir.resolve("source"));
    Path restoredDir = dir.resolve("restored");
    assertThatThrownBy(
            () ->
                Backups.of(target, Clock.systemUTC())
                    .restore(m.id(), restoredDir, false, BackupProgress.NONE))
        .isInstanceOf(DamagedBackupException.class)
        .hasMessageContaining("model/ranker.model.zst");
    assertThat(rows(target.postgres().schema())).isZero();
    assertThat(restoredDir.resolve("model")).doesNotExist();
  }

  @Test
  void aRestore_isRefusedWhileAServiceUsesItsDataDirectory_namingIt_andChangesNothing()
      throws Exception {
    PlandevConfig source = fresh(dir.resolve("source"));
    choices(source, Clock.systemUTC(), 0, 10);
    Manifest m = Backups.of(source, Clock.systemUTC()).full(BackupProgress.NONE);
    PlandevConfig target = fresh(dir.resolve("source"));
    Path used = dir.resolve("used");
    Files.createDirectories(used.resolve("model"));
    Files.writeString(used.resolve("model").resolve(ModelFiles.MODEL), "its model");
    try (ServiceLock lock = ServiceLock.acquire(used, "plandev serve")) {
      assertThatThrownBy(
              () ->
                  Backups.of(target, Clock.systemUTC())
                      .restore(m.id(), used, true, BackupProgress.NONE))
          .isInstanceOf(RestoreRefusedException.class)
          .hasMessageContaining(
              "plandev serve (pid " + ProcessHandle.current().pid() + ") is using " + used)
          .hasMessageContaining("--to NEW_DIR");
    }
    assertThat(rows(target.postgres().schema())).isZero();
    assertThat(used.resolve("model").resolve(ModelFiles.MODEL)).hasContent("its model");
  }

  @Test
  void restoreAt_keepsTheFullBackupsModel_olderThanTheMoment_andSetsTheNewerOneAside()
      throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    PlandevConfig source = fresh(dir.resolve("source"));
    choices(source, clock, 0, 10);
    Backups backups = Backups.of(source, clock);
    Manifest full = backups.full(BackupProgress.NONE);
    clock.advance(Duration.ofMinutes(10));
    choices(source, clock, 10, 10); // events 11..20
    Instant moment = clock.instant();
    clock.advance(Duration.ofMinutes(10));
    choices(source, clock, 20, 10); // events 21..30, past the moment
    clock.advance(Duration.ofMinutes(10));
    backups.incremental(BackupProgress.NONE);
    // The source's data directory now holds a model that learned all 30 events.
    Path modelDir = source.resolve(source.ml().modelPath());
    assertThat(learnedUpTo(modelDir)).isEqualTo(30);

    PlandevConfig target = fresh(dir.resolve("source"));
    Restored r =
        Backups.of(target, clock)
            .restoreAt(moment, dir.resolve("source"), true, BackupProgress.NONE);
    assertThat(r.checks()).anyMatch(c -> c.startsWith("replayed"));
    assertThat(r.checks())
        .contains(
            "model: 2 files, learned up to usage event 10 (later restored events are learned on start)");
    assertThat(learnedUpTo(backups, full)).isEqualTo(10);
    // The model of 30 events is newer than the moment: set aside; the full backup's is in place.
    assertThat(learnedUpTo(modelDir)).isEqualTo(10);
    try (var s = Files.list(dir.resolve("source"))) {
      Path aside =
          s.filter(p -> p.getFileName().toString().startsWith("replaced-"))
              .findFirst()
              .orElseThrow();
      assertThat(learnedUpTo(aside.resolve("model"))).isEqualTo(30);
    }
    // On start the engine learns the replayed events after the model's last one, and no other.
    try (SmartDefaults d = SmartDefaults.open(target, clock)) {
      d.predict("scope", Context.of("path", "p1"), 3);
      org.awaitility.Awaitility.await()
          .atMost(60, TimeUnit.SECONDS)
          .until(() -> d.engineHealth().learnedEvents() == 20);
    }
    assertThat(rows(target.postgres().schema())).isEqualTo(20);
  }

  /** The usage events of {@code schema}. */
  private static long rows(String schema) throws Exception {
    try (Connection c = DriverManager.getConnection(Services.PG_URL, Services.PG_USER, "");
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                  + schema
                  + "' AND table_name = 'usage_events'")) {
        rs.next();
        if (rs.getLong(1) == 0) {
          return 0;
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + schema + ".usage_events")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static String text(Path p) throws Exception {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
