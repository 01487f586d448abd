package dev.plandev.plans.generate;

/** An answer that breaks its prompt's rule (type, choices or regular expression). */
public final class InvalidAnswerException extends GenerateException {
  private static final long serialVersionUID = 1L;

  private final String prompt;

  InvalidAnswerException(String prompt, String rule, String value) {
    super("invalid answer for '" + prompt + "': " + rule + " (got '" + value + "')");
    this.prompt = prompt;
  }

  /** The name of the prompt whose answer was refused. */
  public String prompt() {
    return prompt;
  }
}
