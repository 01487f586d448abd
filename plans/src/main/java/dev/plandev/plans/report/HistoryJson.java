package dev.plandev.plans.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.plandev.plans.history.HistoryPoint;
import dev.plandev.plans.history.PlanHistory;
import dev.plandev.plans.history.Projection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A plan's history as JSON: {@code {"file","points":[{"time","commit","path","tasks","done",
 * "progress","remainingTasks","remainingEffort"}],"projection":{"date","tasksPerDay","note"}}},
 * times in ISO-8601 UTC, effort in hours, {@code "date"} null when there is no projection.
 */
public final class HistoryJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private HistoryJson() {}

  /** Writes {@code history} and its {@code projection}; {@code file} names the plan. */
  public static void write(PlanHistory history, Projection projection, String file, Writer out) {
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      json.writeStringField("file", file);
      json.writeArrayFieldStart("points");
      for (HistoryPoint p : history.points()) {
        json.writeStartObject();
        json.writeStringField("time", p.time().toString());
        json.writeStringField("commit", p.commit());
        json.writeStringField("path", p.path());
        StatusJson.writeCounts(json, p.progress());
        json.writeNumberField("remainingTasks", p.remainingTasks());
        StatusJson.writeHours(json, "remainingEffort", p.remaining());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeObjectFieldStart("projection");
      json.writeStringField(
          "date", projection.date().map(d -> d.toString().substring(0, 10)).orElse(null));
      json.writeNumberField("tasksPerDay", Math.round(projection.tasksPerDay() * 100) / 100.0);
      json.writeStringField("note", projection.note());
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
