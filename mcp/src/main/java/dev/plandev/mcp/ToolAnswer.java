package dev.plandev.mcp;

import java.util.Map;

/**
 * What a tool returns: a short text for the model and the same facts as structured content for
 * programs.
 *
 * @param text the text form, a few lines
 * @param structured the structured form, a JSON object
 */
record ToolAnswer(String text, Map<String, Object> structured) {}
