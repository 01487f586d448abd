package dev.plandev.server.web;

import dev.plandev.defaults.backup.BackupException;
import dev.plandev.defaults.backup.BackupInfo;
import dev.plandev.defaults.backup.BackupProgress;
import dev.plandev.defaults.backup.Backups;
import dev.plandev.defaults.backup.DamagedBackupException;
import dev.plandev.defaults.backup.DiskSpace;
import dev.plandev.defaults.backup.Manifest;
import dev.plandev.defaults.backup.NoBaseBackupException;
import dev.plandev.defaults.backup.Verification;
import dev.plandev.defaults.config.BackupSettings;
import dev.plandev.defaults.config.CronSchedule;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.config.SecretMask;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Backups section of the Operations page: the kept backups with their last verification, the
 * newest good full and incremental backup against their schedules, and the free space of the data
 * and backup disks; admins also take a full or incremental backup and verify one or all. It uses
 * the service's own {@link Backups} in process, as {@code /api/v1/backups} and the scheduler do (so
 * the verification shown is the last one any of them made); restoring stays on the CLI and the API,
 * since a restore over the running service's store is always refused.
 */
final class BackupsSection {
  private static final Logger LOG = LoggerFactory.getLogger(BackupsSection.class);
  private static final String WHAT = "take or verify backups";

  private final Backups backups;
  private final PlandevConfig config;
  private final Clock clock;

  BackupsSection(Backups backups, PlandevConfig config, Clock clock) {
    this.backups = backups;
    this.config = config;
    this.clock = clock;
  }

  void register(Javalin app) {
    app.post("/operations/backups/full", ctx -> take(ctx, "full"));
    app.post("/operations/backups/incremental", ctx -> take(ctx, "incremental"));
    app.post("/operations/backups/verify", this::verify);
  }

  /** One backup as listed. */
  record Row(
      String id,
      String kind,
      String from,
      String to,
      String size,
      String verification,
      boolean verifyFailed,
      String status) {}

  /** The newest good backup of a kind against its schedule. */
  record Last(String kind, String id, String at, String age, String schedule, boolean late) {}

  /** Free space under a directory the service writes. */
  record Disk(String name, String path, String free, String used, boolean low) {}

  /** The section's part of the Operations page's model. */
  Map<String, Object> model() {
    Map<String, Object> model = new LinkedHashMap<>();
    List<BackupInfo> all = backups.list();
    model.put("rows", all.stream().map(this::row).toList());
    Instant now = clock.instant();
    BackupSettings settings = config.backup();
    model.put(
        "last",
        List.of(
            last(all, "full", settings.fullSchedule(), now),
            last(all, "incremental", settings.incrementalSchedule(), now)));
    model.put("verifySchedule", settings.verifySchedule());
    model.put("scheduled", settings.enabled());
    model.put("dir", backups.dir().toString());
    model.put(
        "disks", List.of(disk("data", config.dataPath()), disk("backup", config.backupPath())));
    return model;
  }

  private Row row(BackupInfo b) {
    if (!b.complete()) {
      return new Row(b.id(), "", "", "", "", "", false, "incomplete: " + b.problem());
    }
    Manifest m = b.manifest();
    Optional<Verification> v = backups.lastVerification(b.id());
    String verification =
        v.map(
                x ->
                    (x.good() ? "good" : "failed: " + SecretMask.inText(x.problem()))
                        + " ("
                        + EntryView.when(x.at())
                        + ")")
            .orElse("not verified since the service started");
    boolean damaged = damaged(b.id());
    return new Row(
        m.id(),
        m.kind(),
        m.from() == null ? "(empty store)" : EntryView.when(Instant.parse(m.from())),
        EntryView.when(m.toInstant()),
        bytes(m.totalBytes()),
        verification,
        damaged,
        damaged ? "damaged" : "good");
  }

  private Last last(List<BackupInfo> all, String kind, String schedule, Instant now) {
    Duration interval;
    try {
      interval = CronSchedule.parse("backup." + kind + "Schedule", schedule).interval(now(now));
    } catch (RuntimeException e) {
      interval = null;
    }
    Optional<Manifest> m =
        all.stream()
            .filter(BackupInfo::complete)
            .map(BackupInfo::manifest)
            .filter(x -> x.kind().equals(kind))
            .filter(x -> !damaged(x.id()))
            .reduce((a, b) -> b);
    if (m.isEmpty()) {
      return new Last(kind, "", "", "", schedule, false);
    }
    Instant at = Instant.parse(m.get().finishedAt());
    Duration age = Duration.between(at, now);
    boolean late = interval != null && age.compareTo(interval.multipliedBy(2)) > 0;
    return new Last(kind, m.get().id(), EntryView.when(at), age(age), schedule, late);
  }

  private ZonedDateTime now(Instant now) {
    return ZonedDateTime.ofInstant(now, clock.getZone());
  }

  private boolean damaged(String id) {
    return backups.lastVerification(id).map(v -> !v.good()).orElse(false);
  }

  private Disk disk(String name, Path path) {
    try {
      DiskSpace s = DiskSpace.of(path);
      boolean low = s.usedRatio() >= config.backup().diskWarnRatio();
      return new Disk(
          name,
          path.toString(),
          bytes(s.free()),
          String.format(java.util.Locale.ROOT, "%.0f %%", s.usedRatio() * 100),
          low);
    } catch (IOException e) {
      return new Disk(name, path.toString(), "unknown: " + e.getMessage(), "", true);
    }
  }

  private void take(Context ctx, String kind) {
    Session session = Pages.session(ctx).requireAdmin(WHAT);
    Manifest m;
    List<String> pruned;
    try {
      m =
          kind.equals("full")
              ? backups.full(BackupProgress.NONE)
              : backups.incremental(BackupProgress.NONE);
      pruned = backups.prune();
    } catch (BackupException e) {
      LOG.warn(
          "web UI: key '{}' could not take the {} backup: {}", session.keyName(), kind, text(e));
      // The core's message may open with "backup failed: ", which this sentence already says.
      String message =
          "The " + kind + " backup failed: " + text(e).replaceFirst("^backup failed: ", "");
      // No earlier backup to follow is the caller's conflict, not a failure of the service.
      throw e instanceof NoBaseBackupException
          ? new FailedAction(409, message)
          : new FailedAction(500, message);
    }
    LOG.info(
        "web UI: key '{}' took {} backup {} ({} bytes); retention removed {}",
        session.keyName(),
        kind,
        m.id(),
        m.totalBytes(),
        pruned);
    done(
        ctx,
        "Took the "
            + kind
            + " backup "
            + m.id()
            + " ("
            + bytes(m.totalBytes())
            + (pruned.isEmpty()
                ? ")."
                : "); retention removed " + String.join(", ", pruned) + "."));
  }

  private void verify(Context ctx) {
    Session session = Pages.session(ctx).requireAdmin(WHAT);
    String id = ctx.formParam("id") == null ? "" : ctx.formParam("id").strip();
    List<BackupInfo> chosen = new ArrayList<>();
    for (BackupInfo b : backups.list()) {
      if (b.complete() && (id.isEmpty() || b.id().equals(id))) {
        chosen.add(b);
      }
    }
    if (!id.isEmpty() && chosen.isEmpty()) {
      throw WebException.notFound(
          "there is no complete backup with id " + id + "; reload the Operations page");
    }
    int damaged = 0;
    for (BackupInfo b : chosen) {
      String problem = null;
      try {
        backups.verify(b.id());
      } catch (DamagedBackupException e) {
        problem = text(e);
        damaged++;
      } catch (BackupException e) {
        throw new FailedAction(500, "Verifying backup " + b.id() + " failed: " + text(e));
      }
      LOG.info(
          "web UI: key '{}' verified backup {}: {}",
          session.keyName(),
          b.id(),
          problem == null ? "good" : problem);
    }
    String what = id.isEmpty() ? chosen.size() + " backup(s)" : "backup " + id;
    done(
        ctx,
        damaged == 0
            ? "Verified " + what + ": every file matches its manifest."
            : "Verified " + what + ": " + damaged + " damaged; see the list.");
  }

  private static String text(BackupException e) {
    return SecretMask.inText(e.getMessage());
  }

  private static void done(Context ctx, String notice) {
    ctx.redirect(
        "/operations?notice=" + URLEncoder.encode(notice, StandardCharsets.UTF_8) + "#backups",
        HttpStatus.SEE_OTHER);
  }

  static String age(Duration d) {
    long minutes = d.toMinutes();
    if (minutes < 1) {
      return "under a minute";
    }
    if (minutes < 120) {
      return minutes + " min";
    }
    long hours = d.toHours();
    return hours < 48 ? hours + " h" : d.toDays() + " days";
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
  }

  /** A backup action that failed for a reason the admin can act on; shown on the page. */
  static final class FailedAction extends WebException {
    private static final long serialVersionUID = 1L;

    FailedAction(int status, String message) {
      super(status, "The backup action failed", message);
    }
  }
}
