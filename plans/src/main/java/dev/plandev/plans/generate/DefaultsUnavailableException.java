package dev.plandev.plans.generate;

/**
 * The Smart Defaults service could not be asked: it is unreachable, too slow, or answered with an
 * error or with something that is not JSON. {@link PlanGenerator} turns it into a warning and goes
 * on with the templates' own defaults.
 */
public final class DefaultsUnavailableException extends GenerateException {
  private static final long serialVersionUID = 1L;

  public DefaultsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
