package dev.plandev.plans;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the numbers plans put in front of headings and tasks ({@code 2.1.3}, {@code Phase 2}). */
final class Numbering {
  /** Emoji, emphasis and punctuation that plans put before a heading's number. */
  private static final Pattern DECORATION = Pattern.compile("^[^\\p{L}\\p{N}]+");

  private static final Pattern LEADING_NUMBER =
      Pattern.compile("^(\\d{1,4}(?:\\.\\d{1,4})*)\\.?(?=$|[^\\p{L}\\p{N}])");
  private static final Pattern NAMED_NUMBER =
      Pattern.compile(
          "^(?:phase|étape|etape|step|partie|part|section|chapitre|chapter|pilier)\\s+"
              + "(\\d{1,4}(?:\\.\\d{1,4})*)(?=$|[^\\p{L}\\p{N}])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * A task label: optional emphasis, an optional word such as "Sous-tâche" or "Étape", a number,
   * then the end of the label. Group 1 is the opening emphasis, 2 the word, 3 the number.
   */
  private static final Pattern TASK_LABEL =
      Pattern.compile(
          "(\\*\\*|__)?((?:(?:sous|micro|nano|pico|femto)-)*"
              + "(?:sous-tâche|tâche|tache|étape|etape|task|step|phase|action)\\s+)?"
              + "(\\d{1,4}(?:\\.\\d{1,4})*)\\.?(?:\\*\\*|__)?(?=$|[\\s:)\\-–])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private Numbering() {}

  /** {@code "2.1"} for {@code "🚀 **2.1. Tests**"} or {@code "Phase 2.1 : Tests"}; else "". */
  static String ofHeading(String title) {
    String text = DECORATION.matcher(title).replaceFirst("");
    Matcher m = LEADING_NUMBER.matcher(text);
    if (m.find()) {
      return m.group(1);
    }
    m = NAMED_NUMBER.matcher(text);
    return m.find() ? m.group(1) : "";
  }

  /**
   * The task's own number, or null. A bare number only counts when it is emphasised or dotted
   * ({@code **3**}, {@code 1.2}), so "3 fichiers à créer" has no label.
   */
  static String ofTask(String text) {
    Matcher m = TASK_LABEL.matcher(text).region(afterEmoji(text), text.length());
    if (!m.lookingAt()) {
      return null;
    }
    boolean marked = m.group(1) != null || m.group(2) != null || m.group(3).indexOf('.') > 0;
    return marked ? m.group(3) : null;
  }

  /** Index of the first character after leading emoji and spaces ("🔧 **Tâche 2.1**"). */
  private static int afterEmoji(String text) {
    int i = 0;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      int type = Character.getType(c);
      boolean decoration =
          Character.isWhitespace(c)
              || type == Character.OTHER_SYMBOL
              || type == Character.MODIFIER_SYMBOL
              || type == Character.FORMAT
              || type == Character.NON_SPACING_MARK;
      if (!decoration) {
        break;
      }
      i += Character.charCount(c);
    }
    return i;
  }
}
