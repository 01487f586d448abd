package dev.plandev.mcp;

import dev.plandev.plans.Progress;
import java.util.Locale;

/** Short forms of plan facts in answers, where every character costs the agent a token share. */
final class Texts {
  private Texts() {}

  /** {@code text} cut to {@code max} characters with an ellipsis; line breaks become spaces. */
  static String clip(String text, int max) {
    String flat = text.replace('\n', ' ').replace('\r', ' ').strip();
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }

  /** {@code 3/9 33%}, or {@code no tasks}. */
  static String progress(Progress p) {
    return p.total() == 0 ? "no tasks" : p.done() + "/" + p.total() + " " + percent(p) + "%";
  }

  /** The percentage with one decimal when it is not whole: {@code 33.3}, {@code 40}. */
  static String percent(Progress p) {
    double v = p.percent();
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
