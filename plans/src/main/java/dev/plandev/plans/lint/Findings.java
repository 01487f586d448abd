package dev.plandev.plans.lint;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one plan, stamping each with the plan's file name. */
final class Findings {
  private final String file;
  private final List<LintFinding> list = new ArrayList<>();

  Findings(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  void add(int line, String rule, Severity severity, String message, String hint) {
    list.add(new LintFinding(file, line, rule, severity, message, hint));
  }

  List<LintFinding> list() {
    return list;
  }
}
