package dev.plandev.plans.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.plandev.plans.effort.BlockedTask;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Renders a {@link PlanReport} as JSON: {@code {"title","tasks","done","progress","blocked",
 * "effort","plans":[{"file","title","tasks","done","progress","blocked","effort","phases":[{"id",
 * "title","tasks","done","progress","blocked","effort"}],"blockedTasks":[{"id","line","text",
 * "reason"}],"criticalPath":{"effort","tasks":[{"id","text","effort","blocked"}]},"cycles":[…]}]}},
 * effort in hours as {@code status --json} writes it.
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
      StatusJson.writeEffort(json, report.totalEffort());
      json.writeArrayFieldStart("plans");
      for (PlanReport.PlanSummary plan : report.plans()) {
        json.writeStartObject();
        json.writeStringField("file", plan.file());
        json.writeStringField("title", plan.title());
        StatusJson.writeCounts(json, plan.progress());
        StatusJson.writeEffort(json, plan.effort());
        json.writeArrayFieldStart("phases");
        for (PlanReport.Phase phase : plan.phases()) {
          json.writeStartObject();
          json.writeStringField("id", phase.id());
          json.writeStringField("title", phase.title());
          StatusJson.writeCounts(json, phase.progress());
          StatusJson.writeEffort(json, phase.effort());
          json.writeEndObject();
        }
        json.writeEndArray();
        writeDependencies(json, plan);
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString() + "\n";
  }

  private static void writeDependencies(JsonGenerator json, PlanReport.PlanSummary plan)
      throws IOException {
    json.writeArrayFieldStart("blockedTasks");
    for (BlockedTask b : plan.blocked()) {
      json.writeStartObject();
      json.writeStringField("id", b.task().id());
      json.writeNumberField("line", b.task().line());
      json.writeStringField("text", b.task().text().strip());
      json.writeStringField("reason", b.reason());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeObjectFieldStart("criticalPath");
    StatusJson.writeHours(json, "effort", plan.pathTotal());
    json.writeArrayFieldStart("tasks");
    for (PlanReport.PathStep step : plan.path()) {
      json.writeStartObject();
      json.writeStringField("id", step.id());
      json.writeStringField("text", step.text());
      StatusJson.writeHours(json, "effort", step.effort());
      json.writeBooleanField("blocked", step.blocked());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeArrayFieldStart("cycles");
    for (String cycle : plan.cycles()) {
      json.writeString(cycle);
    }
    json.writeEndArray();
  }
}
