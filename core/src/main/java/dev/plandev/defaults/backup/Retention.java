package dev.plandev.defaults.backup;

import dev.plandev.defaults.config.BackupSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which backups retention deletes. Backups form segments: a full backup and the incrementals after
 * it, up to the next full backup. A moment inside a segment needs all of it, so incrementals go a
 * whole segment at a time, once the full backup that ends the segment is older than {@code
 * incrementalRetention}; a full backup goes once older than {@code fullRetention}, unless it is the
 * newest or starts a segment whose incrementals are kept.
 */
final class Retention {
  private final BackupSettings settings;
  private final Instant now;

  Retention(BackupSettings settings, Instant now) {
    this.settings = settings;
    this.now = now;
  }

  List<String> prune(List<BackupInfo> all) {
    List<BackupInfo> complete = all.stream().filter(BackupInfo::complete).toList();
    Map<BackupInfo, Instant> segmentEnd = new HashMap<>();
    Map<BackupInfo, BackupInfo> segmentStart = new HashMap<>();
    BackupInfo start = null;
    List<BackupInfo> open = new ArrayList<>();
    for (BackupInfo b : complete) {
      if (b.manifest().full()) {
        for (BackupInfo i : open) {
          segmentEnd.put(i, b.manifest().toInstant());
        }
        open.clear();
        start = b;
      } else {
        open.add(b);
        segmentStart.put(b, start);
      }
    }
    Instant incrementalCutoff = now.minus(settings.incrementalRetention());
    Instant fullCutoff = now.minus(settings.fullRetention());
    Set<BackupInfo> doomed = new HashSet<>();
    Set<BackupInfo> neededFulls = new HashSet<>();
    for (BackupInfo b : complete) {
      if (!b.manifest().full()) {
        Instant end = segmentEnd.get(b);
        if (end != null && end.isBefore(incrementalCutoff)) {
          doomed.add(b);
        } else {
          neededFulls.add(segmentStart.get(b));
        }
      }
    }
    BackupInfo newestFull =
        complete.stream().filter(b -> b.manifest().full()).reduce((a, b) -> b).orElse(null);
    for (BackupInfo b : complete) {
      if (b.manifest().full()
          && b != newestFull
          && !neededFulls.contains(b)
          && b.manifest().toInstant().isBefore(fullCutoff)) {
        doomed.add(b);
      }
    }
    List<String> deleted = new ArrayList<>();
    for (BackupInfo b : all) {
      if (doomed.contains(b)
          || (!b.complete() && modifiedBefore(b, now.minus(Duration.ofDays(1))))) {
        BackupCatalog.deleteQuietly(b.folder());
        deleted.add(b.id());
      }
    }
    return deleted;
  }

  private static boolean modifiedBefore(BackupInfo b, Instant t) {
    try {
      return Files.getLastModifiedTime(b.folder()).toInstant().isBefore(t);
    } catch (IOException e) {
      return false;
    }
  }
}
