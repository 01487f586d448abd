package dev.plandev.plans.markdown;

/**
 * A fenced code block with no closing fence: it runs to the end of its container (often the end of
 * the file), so whatever follows is code, not tasks.
 *
 * @param line 1-based line of the opening fence
 * @param endLine last line the block swallows
 * @param lookalikeLine first line inside that looks like a closing fence but carries an info string
 *     ({@code ```plaintext}), which CommonMark does not accept as a closing fence; 0 if none
 */
public record UnclosedFence(int line, int endLine, int lookalikeLine) {}
