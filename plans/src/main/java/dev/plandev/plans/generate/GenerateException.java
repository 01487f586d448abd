package dev.plandev.plans.generate;

import dev.plandev.plans.PlanException;

/**
 * The base failure of plan generation ({@code plandev new}); its message says what was wrong and
 * what to do. The subclasses name the failures that come from the request itself ({@link
 * GenerationRequestException}, {@link TemplateNotFoundException}, {@link InvalidAnswerException},
 * {@link MissingAnswersException}), which changing the command fixes.
 */
public class GenerateException extends PlanException {
  private static final long serialVersionUID = 1L;

  public GenerateException(String message) {
    super(message);
  }

  public GenerateException(String message, Throwable cause) {
    super(message, cause);
  }
}
