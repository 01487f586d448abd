package dev.plandev.plans.markdown;

/**
 * A top-level ATX or setext heading.
 *
 * @param line 1-based line of the heading (the text line for setext headings)
 * @param level 1 to 6
 * @param title the heading text without its {@code #} markers, trimmed
 */
public record Heading(int line, int level, String title) {}
