package dev.plandev.defaults.security;

import dev.plandev.defaults.model.PlandevException;

/** A secret could not be encrypted or decrypted: missing, unreadable or wrong encryption key. */
public final class SecretKeyException extends PlandevException {
  private static final long serialVersionUID = 1L;

  public SecretKeyException(String message) {
    super(message);
  }

  public SecretKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
