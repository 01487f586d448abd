package dev.plandev.mcp;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.ValueType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** {@code defaults_set}: creates or replaces the default of a key for a context, audited. */
final class SetDefaultTool implements PlandevTool {
  private final Supplier<SmartDefaults> engine;

  SetDefaultTool(Supplier<SmartDefaults> engine) {
    this.engine = engine;
  }

  @Override
  public String name() {
    return "defaults_set";
  }

  @Override
  public ToolAnswer call(Arguments args, McpCaller caller) {
    Access.requireWrite(caller, name());
    String key = args.string("key");
    String value = args.string("value");
    ValueType type = ValueType.parse(args.optionalString("type").orElse("string"));
    Context context = Context.of(args.stringMap("context"));
    DefaultSpec spec = DefaultSpec.of(key, value).withType(type).withContext(context);
    DefaultEntry e = engine.get().store().put(spec, Actor.of(caller.name())).redacted();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("key", e.key());
    out.put("value", e.value());
    out.put("type", e.valueType().wireName());
    out.put("context", e.context().fields());
    out.put("version", e.version());
    String text =
        "set "
            + e.key()
            + " = "
            + Quoted.of(e.value())
            + " for context "
            + e.context()
            + " (version "
            + e.version()
            + ")\n";
    return new ToolAnswer(text, out);
  }
}
