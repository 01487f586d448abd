package dev.plandev.plans.generate;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One question of a template: its answer becomes a template variable of the same name.
 *
 * @param name the variable name, {@code [a-z][A-Za-z0-9_]*}
 * @param message what the person is asked
 * @param type the kind of answer
 * @param choices the allowed answers of a list (or number) prompt; empty when free
 * @param defaultValue the static default, itself a template over the earlier answers and {@code
 *     year}, {@code month}, {@code today}, {@code user}, {@code repository}; null when none
 * @param validation a regular expression the whole answer must match; null when none
 * @param required whether an empty answer is refused
 * @param learn whether the Smart Defaults engine suggests and learns this prompt's answers (false
 *     for values unique to each plan, such as its title)
 */
public record Prompt(
    String name,
    String message,
    PromptType type,
    List<String> choices,
    String defaultValue,
    Pattern validation,
    boolean required,
    boolean learn) {

  private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9_]*");
  private static final Set<String> YES = Set.of("y", "yes", "o", "oui", "true", "1");
  private static final Set<String> NO = Set.of("n", "no", "non", "false", "0");

  public Prompt {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("prompt name '" + name + "' must match " + NAME.pattern());
    }
    message = message == null || message.isBlank() ? name : message;
    Objects.requireNonNull(type, "type");
    choices = List.copyOf(choices);
    if (type == PromptType.LIST && choices.isEmpty()) {
      throw new IllegalArgumentException("list prompt '" + name + "' needs choices");
    }
  }

  /** A free-text prompt with no default, rule or requirement; for tests and code. */
  public static Prompt input(String name, String message) {
    return new Prompt(name, message, PromptType.INPUT, List.of(), null, null, false, true);
  }

  /**
   * Checks an answer against this prompt's type, choices and regular expression and returns its
   * canonical form (trimmed; {@code true}/{@code false} for a confirmation; the integer's digits
   * for a number); an empty answer to an optional prompt is the empty string.
   *
   * @throws InvalidAnswerException naming this prompt, the rule and the bad value
   */
  public String check(String answer) {
    String value = answer == null ? "" : answer.strip();
    if (value.isEmpty()) {
      if (required) {
        throw new InvalidAnswerException(name, "an answer is required", value);
      }
      return value;
    }
    switch (type) {
      case NUMBER -> value = checkNumber(value);
      case CONFIRM -> value = checkConfirm(value);
      case LIST, INPUT -> {
        // checked below like every type
      }
      default -> throw new IllegalStateException("unknown prompt type " + type);
    }
    if (!choices.isEmpty() && !choices.contains(value)) {
      throw new InvalidAnswerException(name, "must be one of " + String.join(", ", choices), value);
    }
    if (validation != null && !validation.matcher(value).matches()) {
      throw new InvalidAnswerException(
          name, "must match the regular expression " + validation.pattern(), value);
    }
    return value;
  }

  /** Whether {@link #check} accepts this answer. */
  public boolean accepts(String answer) {
    try {
      check(answer);
      return true;
    } catch (InvalidAnswerException e) {
      return false;
    }
  }

  /** The value a template sees: a Long for a number, a Boolean for a confirmation, else text. */
  Object templateValue(String checked) {
    if (checked.isEmpty()) {
      return type == PromptType.CONFIRM ? Boolean.FALSE : checked;
    }
    return switch (type) {
      case NUMBER -> Long.valueOf(checked);
      case CONFIRM -> Boolean.valueOf(checked);
      default -> checked;
    };
  }

  private String checkNumber(String value) {
    try {
      return Long.toString(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new InvalidAnswerException(name, "must be a whole number", value);
    }
  }

  private String checkConfirm(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    if (YES.contains(v)) {
      return "true";
    }
    if (NO.contains(v)) {
      return "false";
    }
    throw new InvalidAnswerException(name, "must be yes or no (y/n, o/n)", value);
  }
}
