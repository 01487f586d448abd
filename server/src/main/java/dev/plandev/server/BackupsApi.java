package dev.plandev.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plandev.defaults.backup.BackupInfo;
import dev.plandev.defaults.backup.BackupProgress;
import dev.plandev.defaults.backup.Backups;
import dev.plandev.defaults.backup.DamagedBackupException;
import dev.plandev.defaults.backup.Manifest;
import dev.plandev.defaults.backup.RestoreRefusedException;
import dev.plandev.defaults.backup.Restored;
import dev.plandev.defaults.config.PostgresSettings;
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
 * directory (on PostgreSQL: into another schema, its model files into another data directory), or
 * stop the service and use {@code plandev restore --force}.
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
    Backups backups = target(body);
    Restored r =
        atMoment
            ? backups.restoreAt(
                moment(text(body, "at", "")), Path.of(dir), false, BackupProgress.NONE)
            : backups.restore(ctx.pathParam("id"), Path.of(dir), false, BackupProgress.NONE);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", r.manifest().id());
    if (jobs.postgres().enabled()) {
      out.put("schema", r.dataDir().toString());
      out.put("dataDir", Path.of(dir).toString());
    } else {
      out.put("dataDir", r.dataDir().toString());
    }
    out.put("checks", r.checks());
    ctx.json(out);
  }

  /**
   * The backups restoring where the body says. On PostgreSQL a restore goes into the body's {@code
   * schema}, which must not be the service's own: the running service holds that one's lock, and
   * replacing the store under it is what a restore must never do.
   */
  private Backups target(JsonNode body) {
    PostgresSettings pg = jobs.postgres();
    if (!pg.enabled()) {
      return jobs.backups();
    }
    String schema = text(body, "schema", "");
    if (schema.isBlank() || schema.equals(pg.schema())) {
      throw new RestoreRefusedException(
          "this service serves the PostgreSQL schema "
              + pg.schema()
              + ", and a restore never replaces the store under a running service. Restore into"
              + " another schema: {\"schema\": \"NAME\", \"to\": \"/new/data/dir\"} (the model"
              + " files go into that data directory; run the restored store with"
              + " -o postgres.schema=NAME --data /new/data/dir). To replace this schema, stop the"
              + " service and run: plandev restore ID --force");
    }
    if (!schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
      throw new InvalidInputException("schema", "must be a plain SQL identifier");
    }
    return jobs.backups().intoSchema(schema);
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
