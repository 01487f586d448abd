package dev.plandev.defaults.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupCatalogTest {
  private static final Instant AT = Instant.parse("2026-12-01T03:00:00Z");

  @TempDir Path dir;

  /** The schedule and a person starting a backup in the same second get an id each. */
  @Test
  void twoBackupsStartedInTheSameSecond_getTwoIds() throws Exception {
    BackupCatalog catalog = new BackupCatalog(dir);

    String first = catalog.newId("full", AT);
    String second = catalog.newId("full", AT);

    assertThat(first).isEqualTo("full-20261201T030000Z");
    assertThat(second).isEqualTo("full-20261201T030000Z-2");
    assertThat(dir.resolve(first + BackupCatalog.PARTIAL)).isDirectory();
    assertThat(dir.resolve(second + BackupCatalog.PARTIAL)).isDirectory();
  }

  @Test
  void theFolderAboveTheBackups_isNoBackup() throws Exception {
    Files.createDirectories(dir.resolve("backups"));
    BackupCatalog catalog = new BackupCatalog(dir.resolve("backups"));

    for (String id : new String[] {"..", ".", ".hidden"}) {
      assertThatThrownBy(() -> catalog.find(id)).isInstanceOf(BackupNotFoundException.class);
    }
  }
}
