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
    r.post("/api/v1/backups/{id}/restore", Access.ADMIN, this::restore);
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
    Manifest m = jobs.backups().full(BackupProgress.NONE);
    jobs.backups().prune();
    ctx.status(201).json(m);
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

  private void restore(Context ctx) {
    JsonNode to = bodies.object(ctx.body()).get("to");
    String dir = to == null || !to.isTextual() ? "" : to.asText();
    if (dir.isBlank() || !Path.of(dir).isAbsolute()) {
      throw new InvalidInputException("to", "must be the absolute path of a data directory");
    }
    Restored r =
        jobs.backups().restore(ctx.pathParam("id"), Path.of(dir), false, BackupProgress.NONE);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", r.manifest().id());
    out.put("dataDir", r.dataDir().toString());
    out.put("checks", r.checks());
    ctx.json(out);
  }
}
