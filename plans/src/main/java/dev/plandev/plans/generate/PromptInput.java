package dev.plandev.plans.generate;

/**
 * How a person answers prompts; the command line implements it over a terminal with line editing.
 */
public interface PromptInput {

  /** Whether someone can answer; when false the generator never calls {@link #ask}. */
  boolean interactive();

  /**
   * Asks one prompt and returns the line typed, as typed: the line starts empty, and the caller
   * turns an empty line into the default and a typed option number into its value ({@link
   * Question#answer}).
   *
   * @param question the default to show as a hint and the options to show
   */
  String ask(Prompt prompt, Question question);

  /** Shows a message, such as why an answer was refused. */
  void tell(String message);

  /** No one to ask: defaults are taken and missing required answers are reported. */
  static PromptInput none() {
    return new PromptInput() {
      @Override
      public boolean interactive() {
        return false;
      }

      @Override
      public String ask(Prompt prompt, Question question) {
        throw new IllegalStateException("no one to ask " + prompt.name());
      }

      @Override
      public void tell(String message) {
        // nobody to tell
      }
    };
  }
}
