package dev.plandev.plans.markdown;

import java.util.List;

/**
 * A GitHub task list item ({@code - [ ] text}, {@code 1. [x] text}) outside code.
 *
 * @param line 1-based line of the checkbox
 * @param depth number of enclosing list items (0 for a top-level item)
 * @param checked whether the box holds {@code x} or {@code X}
 * @param boxOffset offset of the character between the brackets in the whole text
 * @param text the item's first paragraph after the checkbox, lines joined by a space
 * @param parent index of the nearest enclosing task in the outline's task list, or -1
 * @param childItems first-line text of each direct child list item, checkbox removed
 */
public record TaskItem(
    int line,
    int depth,
    boolean checked,
    int boxOffset,
    String text,
    int parent,
    List<String> childItems) {}
