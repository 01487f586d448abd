package dev.plandev.defaults.config;

import dev.plandev.defaults.model.PlandevException;

/** The configuration is unusable: an unknown key, a bad value or an unreadable file. */
public final class ConfigException extends PlandevException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
