package dev.plandev.defaults.rank;

import dev.plandev.defaults.model.PlandevException;

/**
 * The failure raised by the ranking engine: invalid configuration or arguments, or a model file
 * that cannot be read or written; the message carries the values that explain it.
 *
 * <p>It is one of the module's exceptions ({@link PlandevException}), so each adapter's single
 * error mapping reports it in plain words.
 */
public class RankingException extends PlandevException {
  private static final long serialVersionUID = 1L;

  public RankingException(String message) {
    super(message);
  }

  public RankingException(String message, Throwable cause) {
    super(message, cause);
  }
}
