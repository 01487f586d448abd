package dev.plandev.plans.progress;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds progress lines with two patterns drawn from real plans.
 *
 * <p>A <em>labelled</em> line starts (after list, quote and emphasis marks, and an optional {@code
 * Version x - date -} prefix) with Progression, Progress, Avancement, Statut or Status, optionally
 * "global(e)", then a colon, an optional short status word and dash ({@code En cours -}), then
 * either {@code done/total} (bracketed or not, optionally followed by {@code - N%}) or {@code N%}.
 * Only the first figure group counts, so {@code 60% (80% avec 2.3)} keeps its parenthesis. A
 * <em>heading</em> line ends in {@code - N% complété} (or terminé, done, complete). Task items and
 * code never count: "Ajuster la progression" is work, not a status.
 */
final class ProgressLineFinder {
  private static final Pattern LABELLED =
      Pattern.compile(
          "^\\s{0,3}(?:>\\s*)*(?:[-*+]\\s+)?[*_]{0,2}\\s*(?:version\\s[^%:]*?-\\s*)?"
              + "(?:progression|progress|avancement|statut|status)(\\s+globale?)?"
              + "\\s*[*_]{0,2}\\s*:\\s*[*_]{0,2}\\s*"
              + "(?:\\p{L}[\\p{L}' ]{0,25}?\\s-\\s*)?"
              + "(?:\\[?(\\d+(?:[.,]\\d+)?)\\s*/\\s*(\\d+)\\]?"
              + "(?:\\s*-\\s*(\\d+(?:[.,]\\d+)?)\\s*%)?"
              + "|(\\d+(?:[.,]\\d+)?)\\s*%)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern HEADING =
      Pattern.compile(
          "^\\s{0,3}#{1,6}\\s.*?\\s-\\s*(\\d+(?:[.,]\\d+)?)\\s*%\\s*"
              + "(?:complété|complete|completed|terminé|done)\\b",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern TASK_ITEM =
      Pattern.compile("^\\s*(?:>\\s*)*(?:[-*+]|\\d{1,9}[.)])\\s+\\[[ xX]\\]");

  private ProgressLineFinder() {}

  static List<ProgressLine> findAll(PlanDocument plan) {
    List<ProgressLine> found = new ArrayList<>();
    for (int line = 1; line <= plan.lineCount(); line++) {
      if (plan.isCode(line)) {
        continue;
      }
      String text = plan.line(line);
      if (!mayHold(text)) {
        continue;
      }
      ProgressLine progressLine = match(plan, line, text);
      if (progressLine != null) {
        found.add(progressLine);
      }
    }
    return found;
  }

  /** A cheap filter: every progress line has a digit followed somewhere by '%' or '/'. */
  private static boolean mayHold(String text) {
    return (text.indexOf('%') > 0 || text.indexOf('/') > 0) && !text.isBlank();
  }

  private static ProgressLine match(PlanDocument plan, int line, String text) {
    if (TASK_ITEM.matcher(text).find()) {
      return null;
    }
    List<NumberSlot> slots = new ArrayList<>();
    boolean global = false;
    Matcher m = LABELLED.matcher(text);
    if (m.find()) {
      global = m.group(1) != null;
      if (m.group(2) != null) {
        slots.add(NumberSlot.of(NumberSlot.Kind.DONE, text, m.start(2), m.end(2)));
        slots.add(NumberSlot.of(NumberSlot.Kind.TOTAL, text, m.start(3), m.end(3)));
        if (m.group(4) != null) {
          slots.add(NumberSlot.of(NumberSlot.Kind.PERCENT, text, m.start(4), m.end(4)));
        }
      } else {
        slots.add(NumberSlot.of(NumberSlot.Kind.PERCENT, text, m.start(5), m.end(5)));
      }
    } else {
      Matcher h = HEADING.matcher(text);
      if (!h.find()) {
        return null;
      }
      slots.add(NumberSlot.of(NumberSlot.Kind.PERCENT, text, h.start(1), h.end(1)));
    }
    Section section = owner(plan, line, global);
    return new ProgressLine(line, section, text, plan.lineOffset(line), slots);
  }

  /**
   * The section a line reports on. A "globale" line in the opening text of a plan whose top
   * headings are several {@code #} titles still speaks for the whole plan.
   */
  private static Section owner(PlanDocument plan, int line, boolean global) {
    Section section = plan.sectionAt(line);
    if (global && section.level() == 1 && section.parent().isRoot()) {
      boolean firstSection = !plan.sections().isEmpty() && plan.sections().get(0) == section;
      if (firstSection && line <= section.ownEndLine()) {
        return plan.root();
      }
    }
    return section;
  }
}
