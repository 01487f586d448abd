package dev.plandev.plans.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a prompt offers when it is asked: the default that an empty answer (Enter) takes, and the
 * options to pick from, each with the Smart Defaults engine's confidence when the engine proposed
 * it. Options are numbered, and a typed number picks one, unless a number could itself be an answer
 * (a number prompt, or a value that is a whole number): then they are shown and typed as they are.
 *
 * @param defaultValue the answer Enter gives, or null when there is none
 * @param options a list prompt's choices, or else the engine's best candidates (up to three)
 * @param numbered whether typing an option's number picks it
 */
public record Question(String defaultValue, List<Option> options, boolean numbered) {
  private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");

  public Question {
    options = List.copyOf(options);
  }

  /**
   * One value to pick.
   *
   * @param number what to type to pick it, from 1
   * @param value the answer it gives
   * @param confidence the engine's probability that it is chosen, or NaN when the engine did not
   *     propose it
   */
  public record Option(int number, String value, double confidence) {

    /** The option as shown: {@code 1) Ada Lovelace 82%}, without the number when not numbered. */
    public String label(boolean numbered) {
      String text = numbered ? number + ") " + value : value;
      return Double.isNaN(confidence) ? text : text + " " + Math.round(confidence * 100) + "%";
    }
  }

  /** A question with a default and no options. */
  public static Question withDefault(String defaultValue) {
    return new Question(defaultValue, List.of(), false);
  }

  /**
   * The question of {@code prompt}: its choices as options (with the confidence of those the engine
   * proposed), or else the engine's {@code candidates} that the prompt accepts.
   */
  static Question of(Prompt prompt, String defaultValue, List<SuggestedValue> candidates) {
    List<Option> options = new ArrayList<>();
    if (!prompt.choices().isEmpty()) {
      for (String choice : prompt.choices()) {
        options.add(new Option(options.size() + 1, choice, confidenceOf(choice, candidates)));
      }
    } else {
      for (SuggestedValue s : candidates) {
        options.add(new Option(options.size() + 1, s.value(), s.confidence()));
      }
    }
    boolean numbered = prompt.type() != PromptType.NUMBER;
    for (Option o : options) {
      numbered &= !WHOLE_NUMBER.matcher(o.value().strip()).matches();
    }
    return new Question(defaultValue, options, numbered && !options.isEmpty());
  }

  /**
   * The answer a typed line gives: the default for an empty line, the option of a typed number when
   * options are numbered (and the number itself when it follows {@code =}, as in {@code =2}), else
   * the line itself.
   */
  public String answer(String line) {
    String typed = line == null ? "" : line.strip();
    if (typed.isEmpty()) {
      return defaultValue == null ? "" : defaultValue;
    }
    if (numbered && WHOLE_NUMBER.matcher(typed).matches()) {
      int n = Integer.parseInt(typed.length() > 3 ? "0" : typed);
      if (n >= 1 && n <= options.size()) {
        return options.get(n - 1).value();
      }
    }
    if (numbered && typed.startsWith("=") && WHOLE_NUMBER.matcher(typed.substring(1)).matches()) {
      return typed.substring(1);
    }
    return typed;
  }

  /** The options in one line, such as {@code 1) Ada Lovelace 82% 2) Grace Hopper 9%}. */
  public String optionsLine() {
    List<String> labels = new ArrayList<>();
    for (Option o : options) {
      labels.add(o.label(numbered));
    }
    return String.join("   ", labels);
  }

  private static double confidenceOf(String choice, List<SuggestedValue> candidates) {
    for (SuggestedValue s : candidates) {
      if (s.value().strip().toLowerCase(Locale.ROOT).equals(choice.toLowerCase(Locale.ROOT))) {
        return s.confidence();
      }
    }
    return Double.NaN;
  }
}
