package dev.plandev.plans.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Progress;
import dev.plandev.plans.Section;
import dev.plandev.plans.Task;
import dev.plandev.plans.effort.EffortTally;
import dev.plandev.plans.effort.PlanEffort;
import dev.plandev.plans.metadata.Effort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The progress tree of a plan as JSON: {@code
 * {"file","tasks","done","progress","blocked","effort","setAside","unknownStatus","sections":[{"id",
 * "title","level","tasks","done","progress","blocked","effort","sections":[…]}]}}, progress in
 * percent with one decimal, {@code effort} as {@code {"total","done","remaining","unestimated"}}
 * with hours to two decimals (a day is 8 hours) and the number of tasks without an effort.
 *
 * <p>Written with Jackson's streaming generator rather than an object mapper: the shape is fixed,
 * and the mapper's start-up would cost more than the whole command on a cold JVM.
 */
public final class StatusJson {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

  private StatusJson() {}

  /**
   * Writes the tree of {@code plan} down to {@code depth} levels of sections (0: none).
   *
   * @param file the name to report in {@code "file"}, usually the path as given
   * @param effort the plan's effort figures
   */
  public static void write(
      PlanDocument plan, PlanEffort effort, String file, int depth, Writer out, boolean pretty) {
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      if (pretty) {
        json.useDefaultPrettyPrinter();
      }
      json.writeStartObject();
      json.writeStringField("file", file);
      writeCounts(json, plan.progress());
      writeEffort(json, effort.total());
      // Said beside the counts so a reader knows why tasks + setAside is the number of boxes.
      json.writeNumberField("setAside", plan.root().setAside());
      // Tasks whose #status: names no state count as open; said so the figure is not a surprise.
      json.writeNumberField("unknownStatus", unknownStatus(plan).size());
      writeSections(json, plan.root(), effort, depth);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Tasks whose {@code #status:} value names no state, in document order. */
  public static java.util.List<Task> unknownStatus(PlanDocument plan) {
    return plan.tasks().stream().filter(t -> t.metadata().unknownStatus().isPresent()).toList();
  }

  static void writeCounts(JsonGenerator json, Progress progress) throws IOException {
    json.writeNumberField("tasks", progress.total());
    json.writeNumberField("done", progress.done());
    json.writeFieldName("progress");
    json.writeNumber(BigDecimal.valueOf(progress.percent()).setScale(1));
  }

  /** Writes {@code "blocked"} and the {@code "effort"} object. */
  static void writeEffort(JsonGenerator json, EffortTally tally) throws IOException {
    json.writeNumberField("blocked", tally.blocked());
    json.writeObjectFieldStart("effort");
    writeHours(json, "total", tally.total());
    writeHours(json, "done", tally.done());
    writeHours(json, "remaining", tally.remaining());
    json.writeNumberField("unestimated", tally.unestimated());
    json.writeEndObject();
  }

  static void writeHours(JsonGenerator json, String field, Effort effort) throws IOException {
    json.writeFieldName(field);
    json.writeNumber(BigDecimal.valueOf(effort.minutes()).divide(SIXTY, 2, RoundingMode.HALF_UP));
  }

  private static void writeSections(
      JsonGenerator json, Section parent, PlanEffort effort, int depth) throws IOException {
    json.writeArrayFieldStart("sections");
    if (depth > 0) {
      for (Section section : parent.children()) {
        json.writeStartObject();
        json.writeStringField("id", section.id());
        json.writeStringField("title", section.title());
        json.writeNumberField("level", section.level());
        writeCounts(json, section.progress());
        writeEffort(json, effort.of(section));
        writeSections(json, section, effort, depth - 1);
        json.writeEndObject();
      }
    }
    json.writeEndArray();
  }
}
