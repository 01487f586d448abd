package dev.plandev.server;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.exchange.DefaultsExchange;
import dev.plandev.defaults.model.ImportReport;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * All entries in and out as a file (JSON, YAML or CSV): {@code GET /api/v1/defaults/export} and
 * {@code POST /api/v1/defaults/import}.
 */
final class ExchangeApi {
  private final SmartDefaults defaults;

  ExchangeApi(SmartDefaults defaults) {
    this.defaults = defaults;
  }

  void register(Routes r) {
    r.get(DefaultsApi.BASE + "/export", Access.READER, this::export);
    r.post(DefaultsApi.BASE + "/import", Access.EDITOR, this::importFile);
  }

  private void export(Context ctx) {
    DefaultsExchange.Format f =
        DefaultsExchange.Format.parse(
            ctx.queryParamAsClass("format", String.class).getOrDefault("json"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    defaults.exchange().export(f, out);
    ctx.contentType(
        switch (f) {
          case JSON -> "application/json";
          case YAML -> "application/yaml";
          default -> "text/csv";
        });
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"defaults." + f.name().toLowerCase(Locale.ROOT) + "\"");
    ctx.result(out.toByteArray());
  }

  /**
   * Imports a file in the format of {@code ?format=}, else of its content type; {@code
   * ?partial=true} applies the valid rows when others fail (207).
   */
  private void importFile(Context ctx) {
    String format = ctx.queryParam("format");
    if (format == null) {
      String type = ctx.contentType() == null ? "" : ctx.contentType();
      format = type.contains("yaml") ? "yaml" : type.contains("csv") ? "csv" : "json";
    }
    boolean partial =
        Boolean.parseBoolean(ctx.queryParamAsClass("partial", String.class).getOrDefault("false"));
    ImportReport report =
        defaults
            .exchange()
            .importFrom(
                DefaultsExchange.Format.parse(format),
                new ByteArrayInputStream(ctx.bodyAsBytes()),
                partial,
                Guard.actor(ctx));
    ctx.status(report.errors().isEmpty() ? 200 : report.applied() > 0 ? 207 : 422);
    ctx.json(report);
  }
}
