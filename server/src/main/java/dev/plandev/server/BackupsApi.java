package dev.plandev.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plandev.defaults.backup.BackupInfo;
import dev.plandev.defaults.backup.BackupProgress;
import dev.plandev.defaults.backup.DamagedBackupException;
import dev.plandev.defaults.backup.Manifest;
import dev.plandev.defaults.backup.Restored;
import dev.plandev.defaults.model.InvalidInputException;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/backups}: list, take, verify and restore backups, for admins only. A restore over
 * the service's own store is refused (the service holds its lock): restore to another data
 * directory, or stop the service and use {@code plandev restore --force}.
 */
final class BackupsApi {
  private final BackupJobs jobs;
  private final Bodies bodies;

  BackupsApi(BackupJobs jobs, Bodies bodies) {
    this.jobs = jobs;
    this.bodies = bodies;
  }

  void register(Routes r) {
    r.get("/api/v1/backups", Access.ADMIN, this::list);
    r.post("/api/v1/backups", Access.ADMIN, this::take);
    r.post("/api/v1/backups/{id}/verify", Access.ADMIN, this::verify);
    r.post("/api/v1/backups/{id}/restore", Access.ADMIN, ctx -> restore(ctx, false));
    r.post("/api/v1/backups/restore", Access.ADMIN, ctx -> restore(ctx, true));
  }

  private void list(Context ctx) {
    List<Object> items =
        jobs.backups().list().stream()
            .map(
                b ->
                    b.complete()
                        ? (Object) b.manifest()
                        : Map.of("id", b.id(), "problem", b.problem()))
            .toList();
    ctx.json(Map.of("items", items));
  }

  private void take(Context ctx) {
    String kind = ctx.body().isBlank() ? "full" : text(bodies.object(ctx.body()), "kind", "full");
    if (!BackupJobs.KINDS.contains(kind)) {
      throw new InvalidInputException("kind", "must be full or incremental");
    }
    Manifest m =
        kind.equals("full")
            ? jobs.backups().full(BackupProgress.NONE)
            : jobs.backups().incremental(BackupProgress.NONE);
    jobs.backups().prune();
    ctx.status(201).json(m);
  }

  private static String text(JsonNode body, String field, String absent) {
    JsonNode v = body.get(field);
    return v == null || v.isNull() ? absent : v.asText();
  }

  private void verify(Context ctx) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", ctx.pathParam("id"));
    try {
      BackupInfo b = jobs.backups().verify(ctx.pathParam("id"));
      out.put("valid", true);
      out.put("files", b.manifest().files().size());
    } catch (DamagedBackupException e) {
      out.put("valid", false);
      out.put("problem", e.getMessage());
    }
    ctx.json(out);
  }

  /**
   * Restores the backup of the path, or (at a moment) the backups that cover the body's {@code at}.
   */
  private void restore(Context ctx, boolean atMoment) {
    JsonNode body = bodies.object(ctx.body());
    String dir = text(body, "to", "");
    if (dir.isBlank() || !Path.of(dir).isAbsolute()) {
      throw new InvalidInputException("to", "must be the absolute path of a data directory");
    }
    Restored r =
        atMoment
            ? jobs.backups()
                .restoreAt(moment(text(body, "at", "")), Path.of(dir), false, BackupProgress.NONE)
            : jobs.backups().restore(ctx.pathParam("id"), Path.of(dir), false, BackupProgress.NONE);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", r.manifest().id());
    out.put("dataDir", r.dataDir().toString());
    out.put("checks", r.checks());
    ctx.json(out);
  }

  private static Instant moment(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "at", "must be an ISO-8601 time such as 2026-01-31T12:00:00Z; got '" + text + "'");
    }
  }
}
