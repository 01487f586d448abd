package dev.plandev.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.plandev.defaults.backup.BackupNotFoundException;
import dev.plandev.defaults.backup.DamagedBackupException;
import dev.plandev.defaults.backup.NoBaseBackupException;
import dev.plandev.defaults.backup.RestoreRefusedException;
import dev.plandev.defaults.config.SecretMask;
import dev.plandev.defaults.model.DuplicateEntryException;
import dev.plandev.defaults.model.EntryNotFoundException;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.PlandevException;
import dev.plandev.defaults.model.StaleVersionException;
import dev.plandev.defaults.model.StorageException;
import dev.plandev.server.web.WebUi;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the service turns failures into {@code application/problem+json} (RFC 9457)
 * with the request's correlation id. Bad input is never a 500, and no stack trace leaves the
 * process: unexpected failures are logged with their trace and answered with a plain 500. Requests
 * of the web UI, and unknown pages a browser asks for, get the UI's HTML error page instead.
 */
final class Problems {
  static final String TYPE_BASE = "https://plandev.dev/problems/";
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private final WebUi web;

  private Problems(WebUi web) {
    this.web = web;
  }

  static void install(Javalin app, WebUi web) {
    Problems p = new Problems(web);
    p.requestFailures(app);
    p.engineRefusals(app);
    p.serviceFailures(app);
    p.unmatchedRoutes(app);
  }

  /** What the HTTP layer rejects before the engine sees the request: bad JSON, size, headers. */
  private void requestFailures(Javalin app) {
    app.exception(
        HttpProblem.class, (e, ctx) -> respond(ctx, e.status, e.title, e.getMessage(), e.errors));
    app.exception(
        JsonProcessingException.class,
        (e, ctx) ->
            respond(
                ctx,
                400,
                "Malformed JSON",
                "the body is not valid JSON: " + e.getOriginalMessage(),
                List.of()));
    app.exception(
        UnsupportedCharsetException.class,
        (e, ctx) -> respond(ctx, 415, title(415), unknownCharset(e.getCharsetName()), List.of()));
    app.exception(
        IllegalCharsetNameException.class,
        (e, ctx) -> respond(ctx, 415, title(415), unknownCharset(e.getCharsetName()), List.of()));
    app.exception(
        HttpResponseException.class,
        (e, ctx) -> respond(ctx, e.getStatus(), title(e.getStatus()), detail(e), List.of()));
  }

  private static String unknownCharset(String name) {
    return "the charset '"
        + name
        + "' of the Content-Type header is not supported; send the body as UTF-8"
        + " (Content-Type: application/json; charset=utf-8)";
  }

  /** What the engine refuses because of the request: the client can fix these (4xx). */
  private void engineRefusals(Javalin app) {
    app.exception(
        InvalidInputException.class,
        (e, ctx) -> respond(ctx, 422, "Invalid input", e.getMessage(), e.errors()));
    app.exception(
        EntryNotFoundException.class,
        (e, ctx) -> respond(ctx, 404, "Not found", e.getMessage(), List.of()));
    app.exception(
        DuplicateEntryException.class,
        (e, ctx) -> respond(ctx, 409, "Conflict", e.getMessage(), List.of()));
    app.exception(
        BackupNotFoundException.class,
        (e, ctx) -> respond(ctx, 404, "Not found", e.getMessage(), List.of()));
    app.exception(
        NoBaseBackupException.class,
        (e, ctx) -> respond(ctx, 409, "Conflict", e.getMessage(), List.of()));
    app.exception(
        RestoreRefusedException.class,
        (e, ctx) -> respond(ctx, 409, "Conflict", e.getMessage(), List.of()));
    app.exception(
        DamagedBackupException.class,
        (e, ctx) -> respond(ctx, 422, "Damaged backup", e.getMessage(), List.of()));
    app.exception(
        StaleVersionException.class,
        (e, ctx) -> {
          ctx.header("ETag", Etags.of(e.currentVersion()));
          respond(ctx, 412, "Precondition failed", e.getMessage(), List.of());
        });
  }

  /** Failures of the service itself (5xx), logged with their trace, which never leaves it. */
  private void serviceFailures(Javalin app) {
    app.exception(
        StorageException.class,
        (e, ctx) -> {
          // The message names the database (URL, file path) and its raw error: log only.
          LOG.error(
              "storage failure (correlation id {}): {}",
              Correlation.of(ctx),
              SecretMask.inText(e.getMessage()),
              e);
          respond(
              ctx,
              503,
              "Storage unavailable",
              (e.publicReason().isEmpty() ? "the database is unavailable" : e.publicReason())
                  + "; see the service log under correlation id "
                  + Correlation.of(ctx),
              List.of());
        });
    // The messages of these name files, keys and database internals: the log gets them, the
    // client only the correlation id that finds them there.
    app.exception(
        PlandevException.class,
        (e, ctx) -> {
          LOG.error(
              "request {} {} failed (correlation id {}): {}",
              ctx.method(),
              ctx.path(),
              Correlation.of(ctx),
              SecretMask.inText(e.getMessage()),
              e);
          respond(ctx, 500, title(500), unexpectedDetail(Correlation.of(ctx)), List.of());
        });
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error(
              "unexpected failure on {} {} (correlation id {})",
              ctx.method(),
              ctx.path(),
              Correlation.of(ctx),
              e);
          respond(ctx, 500, title(500), unexpectedDetail(Correlation.of(ctx)), List.of());
        });
  }

  /**
   * No route for the path (404) or the method (405): Javalin answers these without an exception, so
   * they get a problem body here unless a handler already wrote one.
   */
  private void unmatchedRoutes(Javalin app) {
    for (int status : new int[] {404, 405}) {
      app.error(
          status,
          ctx -> {
            String type = ctx.res().getContentType();
            if (type == null
                || !(type.startsWith("application/problem+json") || type.startsWith("text/html"))) {
              if (web.answersWithPage(ctx)) {
                web.errorPage(
                    ctx,
                    status,
                    status == 404 ? "Page not found" : title(status),
                    status == 404
                        ? "there is no page at " + ctx.path() + "; the Plans page lists every plan"
                        : ctx.method() + " is not allowed here");
              } else {
                write(ctx, status, title(status), unmatchedDetail(ctx, status), List.of());
              }
            }
          });
    }
  }

  private static String unmatchedDetail(Context ctx, int status) {
    return status == 404
        ? "no route " + ctx.method() + " " + ctx.path() + "; see /openapi.json for the API"
        : ctx.method() + " is not allowed on " + ctx.path() + "; see /openapi.json";
  }

  private static String detail(HttpResponseException e) {
    if (e.getStatus() == 413) {
      return "the request body is larger than the limit (server.maxBodyBytes); send less data or split it";
    }
    return e.getMessage();
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 409 -> "Conflict";
      case 412 -> "Precondition failed";
      case 413 -> "Payload too large";
      case 415 -> "Unsupported media type";
      case 422 -> "Invalid input";
      case 428 -> "Precondition required";
      case 429 -> "Too many requests";
      case 503 -> "Service unavailable";
      default -> status >= 500 ? "Internal error" : "Request failed";
    };
  }

  /** The problem document (RFC 9457) of a failure, for whatever writes the response. */
  static Map<String, Object> body(
      int status,
      String title,
      String detail,
      String instance,
      String correlationId,
      List<InvalidInputException.FieldError> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE_BASE + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", instance);
    body.put("correlationId", correlationId);
    if (!errors.isEmpty()) {
      body.put(
          "errors",
          errors.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
    }
    return body;
  }

  /** The detail of a 500: the failure itself is in the log only. */
  static String unexpectedDetail(String correlationId) {
    return "an internal error occurred; see the service log under correlation id " + correlationId;
  }

  /** The UI's error page for a page request, problem+json for everything else. */
  private void respond(
      Context ctx,
      int status,
      String title,
      String detail,
      List<InvalidInputException.FieldError> errors) {
    if (web.answersWithPage(ctx)) {
      web.errorPage(ctx, status, title, detail);
    } else {
      write(ctx, status, title, detail, errors);
    }
  }

  static void write(
      Context ctx,
      int status,
      String title,
      String detail,
      List<InvalidInputException.FieldError> errors) {
    ctx.status(status);
    ctx.json(body(status, title, detail, ctx.path(), Correlation.of(ctx), errors));
    ctx.contentType("application/problem+json");
  }
}
