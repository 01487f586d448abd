package dev.plandev.mcp;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.Resolution;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code defaults_get}: resolves a key in a context; secret values are never shown. */
final class GetDefaultTool implements PlandevTool {
  private final Supplier<SmartDefaults> engine;

  GetDefaultTool(Supplier<SmartDefaults> engine) {
    this.engine = engine;
  }

  @Override
  public String name() {
    return "defaults_get";
  }

  @Override
  public ToolAnswer call(Arguments args, McpCaller caller) {
    String key = args.string("key");
    Context context = Context.of(args.stringMap("context"));
    Optional<Resolution> found = engine.get().resolve(key, context);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("key", key);
    out.put("found", found.isPresent());
    if (found.isEmpty()) {
      return new ToolAnswer("no default for " + key + " in context " + context + "\n", out);
    }
    Resolution r = found.get();
    DefaultEntry e = r.entry().redacted();
    out.put("value", e.value());
    out.put("type", e.valueType().wireName());
    out.put("context", e.context().fields());
    out.put("matchedFields", r.matchedFields());
    out.put("candidates", r.candidates());
    if (e.secret()) {
      out.put("secret", true);
    }
    String text =
        key
            + " = "
            + Quoted.of(e.value())
            + (e.secret() ? " (secret, not shown)" : "")
            + " · from context "
            + e.context()
            + ", "
            + r.matchedFields()
            + " field(s) matched, "
            + r.candidates()
            + " candidate(s)\n";
    return new ToolAnswer(text, out);
  }
}
