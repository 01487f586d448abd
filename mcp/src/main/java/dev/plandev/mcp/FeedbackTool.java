package dev.plandev.mcp;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** {@code defaults_feedback}: records what was done with a value, the learning data. */
final class FeedbackTool implements PlandevTool {
  /** The source recorded with every usage event from an agent. */
  static final String SOURCE = "mcp";

  private final Supplier<SmartDefaults> engine;

  FeedbackTool(Supplier<SmartDefaults> engine) {
    this.engine = engine;
  }

  @Override
  public String name() {
    return "defaults_feedback";
  }

  @Override
  public ToolAnswer call(Arguments args, McpCaller caller) {
    Access.requireWrite(caller, name());
    String key = args.string("key");
    String value = args.string("value");
    Outcome outcome = Outcome.parse(args.string("outcome"));
    String suggested = args.optionalString("suggested").orElse(null);
    Context context = Context.of(args.stringMap("context"));
    engine.get().feedback(new Feedback(key, context, value, outcome, suggested, SOURCE));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("key", key);
    out.put("value", value);
    out.put("outcome", outcome.wireName());
    out.put("context", context.fields());
    String text =
        "recorded "
            + outcome.wireName()
            + " "
            + key
            + " = "
            + Quoted.of(value)
            + " in context "
            + context
            + "\n";
    return new ToolAnswer(text, out);
  }
}
