package dev.plandev.plans.hygen;

import java.util.List;
import java.util.Map;

/**
 * What a hygen generator run did.
 *
 * @param generator the generator folder's name
 * @param action the action as given (with its subaction)
 * @param outcomes one per operation, in the templates' order
 * @param answers the prompts' answers, as text, by prompt name
 * @param messages the templates' {@code message} attributes
 * @param written false for a dry run
 */
public record HygenResult(
    String generator,
    String action,
    List<Outcome> outcomes,
    Map<String, String> answers,
    List<String> messages,
    boolean written) {}
