package dev.plandev.plans.generate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Required prompts left without an answer where nobody could be asked (no terminal); the message
 * lists them with the {@code --set} options that answer them.
 */
public final class MissingAnswersException extends GenerateException {
  private static final long serialVersionUID = 1L;

  private final transient List<Prompt> missing;

  MissingAnswersException(String template, List<Prompt> missing) {
    super(message(template, missing));
    this.missing = List.copyOf(missing);
  }

  /** The prompts that need an answer. */
  public List<Prompt> missing() {
    return missing;
  }

  private static String message(String template, List<Prompt> missing) {
    String list =
        missing.stream()
            .map(p -> "  " + p.name() + " - " + p.message())
            .collect(Collectors.joining(System.lineSeparator()));
    String example =
        missing.stream().map(p -> "--set " + p.name() + "=...").collect(Collectors.joining(" "));
    return "no terminal to ask and no answer for "
        + missing.size()
        + " required prompt(s) of template '"
        + template
        + "':"
        + System.lineSeparator()
        + list
        + System.lineSeparator()
        + "answer them on the command line: plandev new "
        + template
        + " "
        + example;
  }
}
