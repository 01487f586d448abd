package dev.plandev.plans.lint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Findings as a JSON array of {@code {"file","line","rule","severity","message","hint"}}, for
 * editors and CI annotations.
 */
public final class LintJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private LintJson() {}

  /** Writes {@code findings} to {@code out} (which stays open). */
  public static void write(List<LintFinding> findings, Writer out) {
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartArray();
      for (LintFinding f : findings) {
        json.writeStartObject();
        json.writeStringField("file", f.file());
        json.writeNumberField("line", f.line());
        json.writeStringField("rule", f.rule());
        json.writeStringField("severity", f.severity().label());
        json.writeStringField("message", f.message());
        json.writeStringField("hint", f.hint());
        json.writeEndObject();
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
