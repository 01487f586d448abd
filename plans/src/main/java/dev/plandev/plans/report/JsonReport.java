package dev.plandev.plans.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Renders a {@link PlanReport} as JSON: {@code {"title","tasks","done","progress","plans":[{"file",
 * "title","tasks","done","progress","phases":[{"id","title","tasks","done","progress"}]}]}}.
 */
final class JsonReport {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonReport() {}

  static String render(PlanReport report) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("title", report.title());
      StatusJson.writeCounts(json, report.total());
      json.writeArrayFieldStart("plans");
      for (PlanReport.PlanSummary plan : report.plans()) {
        json.writeStartObject();
        json.writeStringField("file", plan.file());
        json.writeStringField("title", plan.title());
        StatusJson.writeCounts(json, plan.progress());
        json.writeArrayFieldStart("phases");
        for (PlanReport.Phase phase : plan.phases()) {
          json.writeStartObject();
          json.writeStringField("id", phase.id());
          json.writeStringField("title", phase.title());
          StatusJson.writeCounts(json, phase.progress());
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString() + "\n";
  }
}
