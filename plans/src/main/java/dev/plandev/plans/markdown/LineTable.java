package dev.plandev.plans.markdown;

import java.util.Arrays;

/**
 * The lines of a text, numbered from 1, with the character offset where each starts and ends.
 *
 * <p>Lines end at {@code \r\n}, {@code \n} or {@code \r}, the same rule CommonMark uses, so line
 * numbers here match the parser's line indexes. A leading byte-order mark is not part of line 1.
 */
public final class LineTable {
  private final String text;
  private final int[] starts;
  private final int count;

  /** Splits {@code text} into lines; the terminators stay in the text, outside every line. */
  public LineTable(String text) {
    this.text = text;
    int[] found = new int[Math.max(16, text.length() / 40)];
    int n = 0;
    int start = text.startsWith("\uFEFF") ? 1 : 0;
    found[n++] = start;
    int i = start;
    while (i < text.length()) {
      char c = text.charAt(i++);
      if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
        i++;
      }
      if ((c == '\n' || c == '\r') && i < text.length()) {
        if (n == found.length) {
          found = Arrays.copyOf(found, n * 2);
        }
        found[n++] = i;
      }
    }
    this.starts = found;
    this.count = n;
  }

  /** Number of lines; a final line terminator does not open an extra empty line. */
  public int count() {
    return count;
  }

  /** Offset of the first character of {@code line} (1-based). */
  public int start(int line) {
    return starts[line - 1];
  }

  /** Offset just after the last character of {@code line}, before its terminator. */
  public int end(int line) {
    int end = line < count ? starts[line] : text.length();
    while (end > start(line) && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return end;
  }

  /** The text of {@code line} without its terminator. */
  public String text(int line) {
    return text.substring(start(line), end(line));
  }

  /** The 1-based line that holds {@code offset}. */
  public int lineOf(int offset) {
    int i = Arrays.binarySearch(starts, 0, count, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }
}
