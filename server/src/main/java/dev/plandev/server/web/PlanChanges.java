package dev.plandev.server.web;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.PlanFileEdit;
import dev.plandev.plans.Task;
import dev.plandev.plans.progress.ProgressSync;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes made to plans from the UI: ticking a task and syncing progress lines. Each goes through
 * {@link PlanFileEdit}, the file lock and write check every command uses, and only if the file
 * still has the version the page showed: a page that is out of date gets a {@link
 * StalePlanException}, and the file is left alone. Each change is logged with the signed-in key's
 * name.
 */
final class PlanChanges {
  private static final Logger LOG = LoggerFactory.getLogger(PlanChanges.class);

  private final PlanCatalog catalog;
  private final PlansPages plans;

  PlanChanges(PlanCatalog catalog, PlansPages plans) {
    this.catalog = catalog;
    this.plans = plans;
  }

  void register(Javalin app) {
    app.post("/plan/toggle", this::toggle);
    app.post("/plan/sync", this::sync);
  }

  private record Toggled(Task task, String version, boolean changed) {}

  /** From the page's script: sets one task's box; answers JSON with the file's new version. */
  private void toggle(Context ctx) {
    Session session = editor(ctx);
    String name = ctx.formParam("file");
    Path file = fileOf(name);
    String version = ctx.formParam("version");
    int line = number(ctx.formParam("line"));
    boolean checked = "true".equals(ctx.formParam("checked"));
    Toggled result =
        PlanFileEdit.apply(
            file,
            plan -> {
              requireVersion(plan, name, version);
              Task task =
                  plan.tasks().stream()
                      .filter(t -> t.line() == line)
                      .findFirst()
                      .orElseThrow(
                          () ->
                              WebException.badRequest(
                                  "line " + line + " of " + name + " is not a task"));
              PlanDocument edited = plan.withChecked(task, checked);
              return new PlanFileEdit.Change<>(
                  edited,
                  new Toggled(task, PlanVersion.of(edited.bytes()), task.checked() != checked));
            });
    if (result.changed()) {
      LOG.info(
          "web UI: key '{}' {} task {} \"{}\" (line {}) of plan {}",
          session.keyName(),
          checked ? "checked" : "unchecked",
          result.task().id(),
          result.task().text(),
          line,
          file);
    }
    ctx.json(
        Map.of(
            "version",
            result.version(),
            "message",
            (checked ? "Checked " : "Unchecked ")
                + result.task().id()
                + " "
                + result.task().text()));
  }

  /** From the plan page's form: rewrites the stale progress lines, then shows the plan again. */
  private void sync(Context ctx) {
    Session session = editor(ctx);
    String name = ctx.formParam("file");
    Path file = fileOf(name);
    String version = ctx.formParam("version");
    int rewritten;
    try {
      rewritten =
          PlanFileEdit.apply(
              file,
              plan -> {
                requireVersion(plan, name, version);
                return new PlanFileEdit.Change<>(
                    ProgressSync.sync(plan), ProgressSync.staleLines(plan).size());
              });
    } catch (StalePlanException e) {
      plans.showPlan(ctx, 409, name, PlanDocument.parse(file), e.getMessage());
      return;
    }
    if (rewritten > 0) {
      LOG.info(
          "web UI: key '{}' synced {} progress line(s) of plan {}",
          session.keyName(),
          rewritten,
          file);
    }
    String notice =
        rewritten == 0
            ? "Progress lines were already up to date."
            : "Synced " + rewritten + " progress line(s).";
    ctx.redirect(
        "/plan?file="
            + URLEncoder.encode(name, StandardCharsets.UTF_8)
            + "&notice="
            + URLEncoder.encode(notice, StandardCharsets.UTF_8),
        HttpStatus.SEE_OTHER);
  }

  private static Session editor(Context ctx) {
    Session session = ctx.attribute(Pages.SESSION_ATTRIBUTE);
    if (!session.mayEdit()) {
      throw WebException.forbidden(
          "key '"
              + session.keyName()
              + "' has role "
              + session.role().wireName()
              + ", which may only read plans; changing them needs editor or admin");
    }
    return session;
  }

  private Path fileOf(String name) {
    return catalog
        .file(name)
        .orElseThrow(
            () ->
                WebException.notFound(
                    "there is no plan '" + (name == null ? "" : name) + "' under the plan roots"));
  }

  private static void requireVersion(PlanDocument plan, String name, String version) {
    String current = PlanVersion.of(plan.bytes());
    if (!current.equals(version)) {
      throw new StalePlanException(name, current);
    }
  }

  private static int number(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw WebException.badRequest("the task's line number is missing or not a number");
    }
  }
}
