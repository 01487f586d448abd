package dev.plandev.plans;

/**
 * A replacement of {@code length} characters at {@code offset} of a plan's text.
 *
 * @param offset character offset in the document text
 * @param length number of characters replaced (0 inserts)
 * @param replacement the new characters
 */
public record TextEdit(int offset, int length, String replacement) {
  /** Validates the range. */
  public TextEdit {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("bad edit range " + offset + "+" + length);
    }
  }
}
