package dev.plandev.defaults.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.testing.TestClock;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The last verification of each backup is kept beside the backups: another process (a restarted
 * service, the CLI) reads it; a damaged record is reported and replaced by the next verification.
 */
class VerificationRecordTest {
  @TempDir Path dir;

  @Test
  void aVerification_isKnownToAnotherProcess_andADamagedRecordIsReplacedByTheNext()
      throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-04-01T08:00:00Z"));
    PlandevConfig config = PlandevConfig.defaults().withDataDir(dir.resolve("data").toString());
    Manifest m;
    try (SmartDefaults d = SmartDefaults.open(config, clock)) {
      d.store().put(DefaultSpec.of("k", "v"), Actor.of("t"));
      m = Backups.of(config, clock).full(BackupProgress.NONE);
    }
    Path file = config.backupPath().resolve(m.id()).resolve("defaults.db.zst");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(raf.length() / 2);
      int b = raf.read();
      raf.seek(raf.length() / 2);
      raf.write(b ^ 0x10);
    }
    clock.advance(Duration.ofMinutes(5));
    assertThatThrownBy(() -> Backups.of(config, clock).verify(m.id()))
        .isInstanceOf(DamagedBackupException.class);

    // Another instance, as after a restart: it knows the result, its time and its text.
    Backups later = Backups.of(config, clock);
    assertThat(later.lastVerifications())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.id()).isEqualTo(m.id());
              assertThat(v.at()).isEqualTo(Instant.parse("2026-04-01T08:05:00Z"));
              assertThat(v.good()).isFalse();
              assertThat(v.problem()).contains("defaults.db.zst");
            });
    assertThat(config.backupPath().resolve(VerificationRecord.FILE)).exists();
    assertThat(config.backupPath().resolve(VerificationRecord.FILE + ".tmp")).doesNotExist();
    // The record is no backup.
    assertThat(later.list()).extracting(BackupInfo::id).containsExactly(m.id());

    Files.writeString(
        config.backupPath().resolve(VerificationRecord.FILE), "{\"verifications\": [");
    Logger log = (Logger) LoggerFactory.getLogger(VerificationRecord.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    log.addAppender(lines);
    try {
      Backups afterDamage = Backups.of(config, clock);
      assertThat(afterDamage.lastVerifications()).isEmpty();
      assertThat(afterDamage.lastVerification(m.id())).isEmpty();
      assertThat(lines.list)
          .singleElement()
          .satisfies(
              e ->
                  assertThat(e.getFormattedMessage())
                      .contains("cannot be read")
                      .contains(VerificationRecord.FILE)
                      .contains("plandev backup verify --all"));
      clock.advance(Duration.ofMinutes(5));
      assertThat(afterDamage.verifyAll()).singleElement().asString().contains("defaults.db.zst");
      assertThat(Backups.of(config, clock).lastVerification(m.id()))
          .get()
          .satisfies(v -> assertThat(v.at()).isEqualTo(Instant.parse("2026-04-01T08:10:00Z")));
      assertThat(lines.list).hasSize(1); // the damage is told once
    } finally {
      log.detachAppender(lines);
    }
  }
}
