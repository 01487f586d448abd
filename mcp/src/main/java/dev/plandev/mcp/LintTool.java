package dev.plandev.mcp;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.lint.LintFinding;
import dev.plandev.plans.lint.Linter;
import dev.plandev.plans.lint.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code plan_lint}: the lint findings of a plan, errors first, at most {@value #MAX}. */
final class LintTool implements PlandevTool {
  static final int MAX = 30;
  private static final int MESSAGE = 160;

  private final PlanRoots roots;

  LintTool(PlanRoots roots) {
    this.roots = roots;
  }

  @Override
  public String name() {
    return "plan_lint";
  }

  @Override
  public ToolAnswer call(Arguments args, McpCaller caller) {
    PlanDocument plan = PlanDocument.parse(roots.existing(args.string("plan")));
    String file = roots.relative(plan.path());
    List<LintFinding> all = new ArrayList<>(Linter.lint(plan, file));
    // Errors first so that a clipped list still shows what must be fixed.
    all.sort(
        (a, b) -> Boolean.compare(a.severity() != Severity.ERROR, b.severity() != Severity.ERROR));
    long errors = all.stream().filter(f -> f.severity() == Severity.ERROR).count();
    long warnings = all.size() - errors;

    StringBuilder text = new StringBuilder();
    text.append(file)
        .append(": ")
        .append(errors)
        .append(errors == 1 ? " error, " : " errors, ")
        .append(warnings)
        .append(warnings == 1 ? " warning" : " warnings")
        .append('\n');
    List<Object> findings = new ArrayList<>();
    for (LintFinding f : all.subList(0, Math.min(MAX, all.size()))) {
      text.append('L')
          .append(f.line())
          .append(' ')
          .append(f.severity().label())
          .append(" [")
          .append(f.rule())
          .append("] ")
          .append(Texts.clip(f.message(), MESSAGE))
          .append(" (fix: ")
          .append(Texts.clip(f.hint(), MESSAGE))
          .append(")\n");
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("line", f.line());
      row.put("severity", f.severity().label());
      row.put("rule", f.rule());
      row.put("message", Texts.clip(f.message(), MESSAGE));
      row.put("hint", Texts.clip(f.hint(), MESSAGE));
      findings.add(row);
    }
    if (all.size() > MAX) {
      text.append("(+").append(all.size() - MAX).append(" more findings not shown)\n");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("plan", file);
    out.put("errors", errors);
    out.put("warnings", warnings);
    out.put("findings", findings);
    return new ToolAnswer(text.toString(), out);
  }
}
