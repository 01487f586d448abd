package dev.plandev.plans.generate;

import java.util.List;
import java.util.Map;

/**
 * What {@link PlanGenerator#generate} did.
 *
 * @param template the template used, with its language and origin
 * @param files the files rendered, in template order
 * @param answers the answer to every prompt, in prompt order
 * @param written false for a dry run: nothing was written and nothing learned
 * @param warnings things the person should know, such as Smart Defaults being unavailable
 */
public record GenerationResult(
    PlanTemplate template,
    List<GeneratedFile> files,
    Map<String, String> answers,
    boolean written,
    List<String> warnings) {}
