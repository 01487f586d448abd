package dev.plandev.plans.lint;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Section;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code numbering-duplicate}: two headings carry the same number, so ids and references to it are
 * ambiguous. {@code numbering-gap}: among the numbered subsections of one section, a number is
 * skipped ({@code 2.1} then {@code 2.3}) or goes backwards.
 *
 * <p>Only siblings with the same depth of numbering and the same prefix are compared, so a {@code
 * ### Notes} between {@code ### 2.1} and {@code ### 2.2} does not break the sequence.
 */
final class NumberingRule implements LintRule {
  @Override
  public void check(PlanDocument plan, Findings findings) {
    Map<String, Section> first = new HashMap<>();
    for (Section section : plan.sections()) {
      String numbering = section.numbering();
      if (numbering.isEmpty()) {
        continue;
      }
      Section earlier = first.putIfAbsent(numbering, section);
      if (earlier != null) {
        findings.add(
            section.line(),
            "numbering-duplicate",
            Severity.ERROR,
            "section number " + numbering + " is also used on line " + earlier.line(),
            "renumber one of the two headings");
      }
    }
    checkGaps(plan.root(), findings);
  }

  private static void checkGaps(Section parent, Findings findings) {
    Section previous = null;
    for (Section child : parent.children()) {
      checkGaps(child, findings);
      if (child.numbering().isEmpty()) {
        continue;
      }
      if (previous != null && samePrefix(previous.numbering(), child.numbering())) {
        int before = last(previous.numbering());
        int now = last(child.numbering());
        if (now != before + 1 && now != before) {
          String expected = prefix(child.numbering()) + (before + 1);
          findings.add(
              child.line(),
              "numbering-gap",
              Severity.WARNING,
              "section "
                  + child.numbering()
                  + " follows "
                  + previous.numbering()
                  + " (expected "
                  + expected
                  + ")",
              "renumber the headings so they follow each other");
        }
      }
      previous = child;
    }
  }

  private static boolean samePrefix(String a, String b) {
    return prefix(a).equals(prefix(b));
  }

  private static String prefix(String numbering) {
    int dot = numbering.lastIndexOf('.');
    return dot < 0 ? "" : numbering.substring(0, dot + 1);
  }

  private static int last(String numbering) {
    return Integer.parseInt(numbering.substring(numbering.lastIndexOf('.') + 1));
  }
}
