package dev.plandev.defaults.backup;

import java.nio.file.Path;

/**
 * A folder of the backup directory: a complete backup with its manifest, or an incomplete one
 * (interrupted, no manifest) with what is wrong.
 *
 * @param id the backup's id
 * @param folder where it lies
 * @param manifest its manifest, null when incomplete
 * @param problem why it is incomplete, empty when complete
 */
public record BackupInfo(String id, Path folder, Manifest manifest, String problem) {

  static BackupInfo complete(Manifest m, Path folder) {
    return new BackupInfo(m.id(), folder, m, "");
  }

  static BackupInfo incomplete(String id, Path folder, String problem) {
    return new BackupInfo(id, folder, null, problem);
  }

  /** True when the backup has its manifest: its files can be verified and restored. */
  public boolean complete() {
    return manifest != null;
  }
}
