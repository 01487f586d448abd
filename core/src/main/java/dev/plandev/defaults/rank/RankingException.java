package dev.plandev.defaults.rank;

/**
 * The failure raised by the ranking engine: invalid configuration or arguments, or a model file
 * that cannot be read or written; the message carries the values that explain it.
 */
public class RankingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RankingException(String message) {
    super(message);
  }

  public RankingException(String message, Throwable cause) {
    super(message, cause);
  }
}
