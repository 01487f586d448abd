package dev.plandev.plans.generate;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders template text with Pebble ({@code {{ title }}}, {@code {% for p in range(1, phases) %}}),
 * without HTML escaping, failing on unknown variables; adds the {@code slug} filter ({@code "Mise à
 * jour"} → {@code mise-a-jour}) for file names.
 */
final class TemplateRenderer {
  private static final Pattern TAG_LINE =
      Pattern.compile("(?m)^[ \\t]*((?:\\{%.*?%\\}[ \\t]*)+)\\r?\\n");
  private final PebbleEngine engine =
      new PebbleEngine.Builder()
          .loader(new StringLoader())
          .autoEscaping(false)
          .newLineTrimming(false)
          .strictVariables(true)
          .extension(new PlanExtension())
          .build();

  /**
   * Renders one text.
   *
   * @param where the template file, for messages
   * @throws TemplateFormatException naming the file when the text is not a valid template or uses
   *     an unknown variable
   */
  String render(String where, String text, Map<String, Object> model) {
    if (!text.contains("{{") && !text.contains("{%")) {
      return text;
    }
    try {
      PebbleTemplate template = engine.getTemplate(trimTagLines(text));
      StringWriter out = new StringWriter();
      template.evaluate(out, model, Locale.ROOT);
      return out.toString();
    } catch (PebbleException e) {
      throw new TemplateFormatException(where, e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Removes the line break of lines holding only {@code {% ... %}} tags, so that control lines
   * leave no blank line while the blank lines of the Markdown around them stay as written.
   */
  static String trimTagLines(String text) {
    return TAG_LINE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
  }

  /** Lower case ASCII words joined by dashes, for file names. */
  static String slug(String text) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-");
    return slug.replaceAll("^[-.]+|[-.]+$", "");
  }

  private static final class PlanExtension extends AbstractExtension {
    @Override
    public Map<String, Filter> getFilters() {
      return Map.of("slug", new SlugFilter());
    }
  }

  private static final class SlugFilter implements Filter {
    @Override
    public List<String> getArgumentNames() {
      return List.of();
    }

    @Override
    public Object apply(
        Object input,
        Map<String, Object> args,
        PebbleTemplate self,
        EvaluationContext context,
        int lineNumber) {
      return input == null ? "" : slug(input.toString());
    }
  }
}
