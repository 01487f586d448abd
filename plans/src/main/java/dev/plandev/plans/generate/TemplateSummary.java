package dev.plandev.plans.generate;

import java.util.List;

/**
 * A line of {@code plandev new --list}.
 *
 * @param name the template name
 * @param languages its languages (empty string: any language)
 * @param origin {@code built-in} or the user folder that provides it
 * @param description what it is for
 */
public record TemplateSummary(
    String name, List<String> languages, String origin, String description) {}
