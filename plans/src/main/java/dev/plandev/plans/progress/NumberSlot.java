package dev.plandev.plans.progress;

import dev.plandev.plans.Progress;
import java.util.Locale;

/**
 * Where a number of a progress line sits in the line, and what it counts.
 *
 * <p>A percentage written with a decimal ({@code 12.5%}, {@code 12,5%}) is rewritten with one
 * decimal and the same separator; otherwise as a whole number.
 */
record NumberSlot(Kind kind, int start, int end, char decimalSeparator) {
  enum Kind {
    PERCENT("%"),
    DONE("/"),
    TOTAL("");

    private final String suffix;

    Kind(String suffix) {
      this.suffix = suffix;
    }

    String suffix() {
      return suffix;
    }
  }

  static NumberSlot of(Kind kind, String line, int start, int end) {
    String number = line.substring(start, end);
    char separator = number.indexOf(',') >= 0 ? ',' : number.indexOf('.') >= 0 ? '.' : 0;
    return new NumberSlot(kind, start, end, separator);
  }

  String render(Progress progress) {
    switch (kind) {
      case DONE:
        return Integer.toString(progress.done());
      case TOTAL:
        return Integer.toString(progress.total());
      default:
        if (decimalSeparator == 0) {
          return Integer.toString(progress.wholePercent());
        }
        return String.format(Locale.ROOT, "%.1f", progress.percent())
            .replace('.', decimalSeparator);
    }
  }
}
