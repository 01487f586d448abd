package dev.plandev.defaults.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which backups rebuild the store at a moment: the newest full backup showing a moment at or before
 * it, then the incrementals that follow it one after the other (each names the one before as its
 * base) until one reaches the moment.
 */
final class PointInTime {
  private PointInTime() {}

  /**
   * The full backup first, then its incrementals in order.
   *
   * @throws RestoreRefusedException when the backups in {@code dir} do not reach {@code at}
   */
  static List<BackupInfo> chain(List<BackupInfo> all, Instant at, Path dir) {
    List<BackupInfo> complete = all.stream().filter(BackupInfo::complete).toList();
    List<BackupInfo> fulls =
        complete.stream()
            .filter(b -> b.manifest().full())
            .sorted(Comparator.comparing(b -> b.manifest().toInstant()))
            .toList();
    BackupInfo full =
        fulls.stream()
            .filter(b -> !b.manifest().toInstant().isAfter(at))
            .reduce((a, b) -> b)
            .orElseThrow(
                () ->
                    new RestoreRefusedException(
                        fulls.isEmpty()
                            ? "there is no full backup in " + dir + " to restore from"
                            : "the oldest full backup ("
                                + fulls.get(0).id()
                                + ") shows the store as of "
                                + fulls.get(0).manifest().to()
                                + "; nothing earlier than that can be restored, and "
                                + at
                                + " is earlier"));
    List<BackupInfo> chain = new ArrayList<>(List.of(full));
    BackupInfo last = full;
    while (last.manifest().toInstant().isBefore(at)) {
      String base = last.id();
      BackupInfo next =
          complete.stream().filter(b -> base.equals(b.manifest().base())).findFirst().orElse(null);
      if (next == null) {
        throw new RestoreRefusedException(
            "the backups reach "
                + last.manifest().to()
                + " ("
                + last.id()
                + ") and "
                + at
                + " is later: take an incremental backup (plandev backup incremental) to restore"
                + " a later moment");
      }
      chain.add(next);
      last = next;
    }
    return chain;
  }
}
