package dev.plandev.plans.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Progress;
import dev.plandev.plans.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;

/**
 * The progress tree of a plan as JSON: {@code
 * {"file","tasks","done","progress","setAside","sections":[{"id",
 * "title","level","tasks","done","progress","sections":[…]}]}}, progress in percent with one
 * decimal.
 *
 * <p>Written with Jackson's streaming generator rather than an object mapper: the shape is fixed,
 * and the mapper's start-up would cost more than the whole command on a cold JVM.
 */
public final class StatusJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private StatusJson() {}

  /**
   * Writes the tree of {@code plan} down to {@code depth} levels of sections (0: none).
   *
   * @param file the name to report in {@code "file"}, usually the path as given
   */
  public static void write(PlanDocument plan, String file, int depth, Writer out, boolean pretty) {
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      if (pretty) {
        json.useDefaultPrettyPrinter();
      }
      json.writeStartObject();
      json.writeStringField("file", file);
      writeCounts(json, plan.progress());
      // Said beside the counts so a reader knows why tasks + setAside is the number of boxes.
      json.writeNumberField("setAside", plan.root().setAside());
      writeSections(json, plan.root(), depth);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void writeCounts(JsonGenerator json, Progress progress) throws IOException {
    json.writeNumberField("tasks", progress.total());
    json.writeNumberField("done", progress.done());
    json.writeFieldName("progress");
    json.writeNumber(BigDecimal.valueOf(progress.percent()).setScale(1));
  }

  private static void writeSections(JsonGenerator json, Section parent, int depth)
      throws IOException {
    json.writeArrayFieldStart("sections");
    if (depth > 0) {
      for (Section section : parent.children()) {
        json.writeStartObject();
        json.writeStringField("id", section.id());
        json.writeStringField("title", section.title());
        json.writeNumberField("level", section.level());
        writeCounts(json, section.progress());
        writeSections(json, section, depth - 1);
        json.writeEndObject();
      }
    }
    json.writeEndArray();
  }
}
