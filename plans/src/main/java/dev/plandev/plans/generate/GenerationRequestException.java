package dev.plandev.plans.generate;

/**
 * The generation request does not fit what is there: a {@code --set} name the template has no
 * prompt for, {@code --resume} without a saved session, or with another template than the saved
 * one, or a {@code --server} address that is not http(s).
 */
public final class GenerationRequestException extends GenerateException {
  private static final long serialVersionUID = 1L;

  GenerationRequestException(String message) {
    super(message);
  }
}
