package dev.plandev.server.web;

import dev.plandev.defaults.exchange.DefaultsExchange;
import dev.plandev.defaults.model.ImportReport;
import dev.plandev.defaults.model.InvalidInputException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Import and export of all defaults as a file (JSON, YAML or CSV). An import runs in two steps: the
 * file is checked and the page reports every row that would be refused, with its number and why;
 * nothing is written until the person confirms (all rows, or only the valid ones).
 */
final class ExchangePages {
  private static final Logger LOG = LoggerFactory.getLogger(ExchangePages.class);

  private final DefaultsExchange exchange;
  private final Pages pages;

  ExchangePages(DefaultsExchange exchange, Pages pages) {
    this.exchange = exchange;
    this.pages = pages;
  }

  void register(Javalin app) {
    app.get("/defaults/import", this::form);
    app.post("/defaults/import", this::check);
    app.post("/defaults/import/apply", this::apply);
    app.get("/defaults/export", this::export);
  }

  private void form(Context ctx) {
    Pages.session(ctx).requireEditor("import defaults");
    show(ctx, 200, new HashMap<>());
  }

  private void show(Context ctx, int status, Map<String, Object> model) {
    model.putIfAbsent("format", "auto");
    pages.send(ctx, status, "import", model);
  }

  /** Checks the file and shows the per-row report; writes nothing. */
  private void check(Context ctx) {
    Pages.session(ctx).requireEditor("import defaults");
    Map<String, Object> model = new HashMap<>();
    String chosen = value(ctx.formParam("format"), "auto");
    model.put("format", chosen);
    String content;
    String fileName = "";
    UploadedFile file = ctx.uploadedFile("file");
    if (file != null && file.size() > 0) {
      fileName = file.filename();
      content = read(file);
    } else {
      content = value(ctx.formParam("content"), "");
    }
    if (content.isBlank()) {
      model.put("fileError", "Choose a file, or paste its content below.");
      show(ctx, 422, model);
      return;
    }
    model.put("content", content);
    DefaultsExchange.Format format;
    try {
      format = format(chosen, fileName, content);
    } catch (InvalidInputException e) {
      model.put("formatError", e.errors().get(0).message());
      show(ctx, 422, model);
      return;
    }
    model.put("format", format.name().toLowerCase(Locale.ROOT));
    try {
      ImportReport report = exchange.check(format, stream(content));
      model.put("report", report);
      model.put("valid", report.rows() - report.errors().size());
    } catch (InvalidInputException e) {
      model.put("fileError", "The file cannot be read as " + format + ": " + e.getMessage());
      show(ctx, 422, model);
      return;
    }
    show(ctx, 200, model);
  }

  /** Writes the checked file: every row, or with {@code partial} the valid rows only. */
  private void apply(Context ctx) {
    Session session = Pages.session(ctx).requireEditor("import defaults");
    DefaultsExchange.Format format =
        DefaultsExchange.Format.parse(value(ctx.formParam("format"), "json"));
    boolean partial = "true".equals(ctx.formParam("partial"));
    String content = value(ctx.formParam("content"), "");
    ImportReport report = exchange.importFrom(format, stream(content), partial, Pages.actor(ctx));
    LOG.info(
        "web UI: key '{}' imported {} of {} rows",
        session.keyName(),
        report.applied(),
        report.rows());
    Map<String, Object> model = new HashMap<>();
    model.put("applied", report);
    model.put("report", report);
    model.put("format", format.name().toLowerCase(Locale.ROOT));
    show(ctx, report.applied() == 0 && !report.errors().isEmpty() ? 422 : 200, model);
  }

  private void export(Context ctx) {
    DefaultsExchange.Format f =
        DefaultsExchange.Format.parse(value(ctx.queryParam("format"), "json"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exchange.export(f, out);
    String ext = f.name().toLowerCase(Locale.ROOT);
    ctx.contentType(
        switch (f) {
          case JSON -> "application/json";
          case YAML -> "application/yaml";
          default -> "text/csv";
        });
    ctx.header("Content-Disposition", "attachment; filename=\"defaults." + ext + "\"");
    ctx.result(out.toByteArray());
  }

  /**
   * The format the person chose, else the file's extension, else a guess from the first character
   * (JSON starts with {@code [}, CSV with its {@code key} header, the rest is YAML).
   */
  static DefaultsExchange.Format format(String chosen, String fileName, String content) {
    if (!chosen.equals("auto")) {
      return DefaultsExchange.Format.parse(chosen);
    }
    int dot = fileName.lastIndexOf('.');
    if (dot >= 0) {
      return DefaultsExchange.Format.parse(fileName.substring(dot + 1));
    }
    String start = content.stripLeading();
    if (start.startsWith("[") || start.startsWith("{")) {
      return DefaultsExchange.Format.JSON;
    }
    if (start.startsWith("key,") || start.startsWith("\"key\",")) {
      return DefaultsExchange.Format.CSV;
    }
    return DefaultsExchange.Format.YAML;
  }

  private static String read(UploadedFile file) {
    try (InputStream in = file.content()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the uploaded file", e);
    }
  }

  private static InputStream stream(String content) {
    return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
  }

  private static String value(String given, String fallback) {
    return given == null || given.isBlank() ? fallback : given.strip();
  }
}
