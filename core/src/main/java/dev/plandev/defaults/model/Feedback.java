package dev.plandev.defaults.model;

/**
 * What happened after a default was offered: the value taken for a key in a context.
 *
 * @param suggested the value that was offered, or null
 * @param source who reports it, such as {@code cli}, {@code api} or {@code mcp}
 */
public record Feedback(
    String key, Context context, String value, Outcome outcome, String suggested, String source) {}
