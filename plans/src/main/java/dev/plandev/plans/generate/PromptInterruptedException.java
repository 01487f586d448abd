package dev.plandev.plans.generate;

/**
 * The person interrupted a prompt (Ctrl-C), so generation stopped; the answers given so far are
 * kept in the session file for {@code --resume}.
 */
public final class PromptInterruptedException extends GenerateException {
  private static final long serialVersionUID = 1L;

  public PromptInterruptedException(String message, Throwable cause) {
    super(message, cause);
  }
}
