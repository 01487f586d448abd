package dev.plandev.defaults.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.BatchOperation;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.ListQuery;
import dev.plandev.defaults.model.ValueType;
import dev.plandev.testing.SmallDisk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup directory on a really full disk: a 256 KiB tmpfs mounted for the test (it needs root, as
 * CI runs), too small for the snapshot of the store.
 */
class FullDiskBackupTest {
  @TempDir Path dir;

  @Test
  void fullDisk_failsTheBackupCleanly_andLeavesTheStoreAsItWas() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("small-disk"), "256k")) {
      backUpOnto(disk.path());
    }
  }

  private void backUpOnto(Path mount) throws Exception {
    PlandevConfig base = PlandevConfig.defaults().withDataDir(dir.resolve("data").toString());
    PlandevConfig config = base.withBackup(base.backup().withDir(mount.toString()));
    long before;
    try (SmartDefaults d = SmartDefaults.open(config, Clock.systemUTC())) {
      List<BatchOperation> ops = new ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        ops.add(
            BatchOperation.upsert(
                new DefaultSpec(
                    "key." + i,
                    "a value long enough to fill pages " + i,
                    ValueType.STRING,
                    null,
                    Context.of("project", "p" + i),
                    0.5,
                    null,
                    false,
                    false)));
        if (ops.size() == 500) {
          d.store().batch(ops, false, Actor.of("test"));
          ops.clear();
        }
      }
      before = d.store().list(ListQuery.all()).total();
      assertThatThrownBy(() -> Backups.of(config, Clock.systemUTC()).full(BackupProgress.NONE))
          .isInstanceOf(BackupException.class)
          .hasMessageContaining("is full")
          .hasMessageContaining(mount.toString())
          .hasMessageContaining("the store was not touched");
      // The store goes on serving and writing.
      d.store()
          .put(
              new DefaultSpec(
                  "after", "x", ValueType.STRING, null, Context.of(), 1, null, false, false),
              Actor.of("test"));
      assertThat(d.store().list(ListQuery.all()).total()).isEqualTo(before + 1);
    }
    assertThat(Backups.of(config, Clock.systemUTC()).list()).isEmpty();
    try (var left = Files.list(mount)) {
      assertThat(left).isEmpty();
    }
  }
}
