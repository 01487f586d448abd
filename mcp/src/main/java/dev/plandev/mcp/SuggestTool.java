package dev.plandev.mcp;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.Prediction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code defaults_suggest}: ranked candidate values with calibrated confidence. Feature
 * contributions are left out: they explain the model to a person, not the choice to an agent.
 */
final class SuggestTool implements PlandevTool {
  private final Supplier<SmartDefaults> engine;

  SuggestTool(Supplier<SmartDefaults> engine) {
    this.engine = engine;
  }

  @Override
  public String name() {
    return "defaults_suggest";
  }

  @Override
  public ToolAnswer call(Arguments args, McpCaller caller) {
    String key = args.string("key");
    Context context = Context.of(args.stringMap("context"));
    int limit = args.integer("limit", 3, 1, 10);
    List<Prediction> predictions = engine.get().predict(key, context, limit);
    StringBuilder text = new StringBuilder();
    if (predictions.isEmpty()) {
      text.append("no suggestion for ").append(key).append(" in context ").append(context);
      text.append(" yet; record used values with defaults_feedback\n");
    }
    List<Object> rows = new ArrayList<>();
    int rank = 1;
    for (Prediction p : predictions) {
      String confidence = String.format(Locale.ROOT, "%.2f", p.confidence());
      text.append(rank++)
          .append(". ")
          .append(Quoted.of(p.value()))
          .append(' ')
          .append(confidence)
          .append(p.confident() ? " confident" : "")
          .append(" (")
          .append(p.reason())
          .append(")\n");
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("value", p.value());
      row.put("confidence", Double.valueOf(confidence));
      row.put("confident", p.confident());
      row.put("reason", p.reason());
      rows.add(row);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("key", key);
    out.put("suggestions", rows);
    return new ToolAnswer(text.toString(), out);
  }
}
