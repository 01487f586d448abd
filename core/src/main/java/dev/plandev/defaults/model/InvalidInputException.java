package dev.plandev.defaults.model;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks a validation rule; lists every offending field with the rule it broke. */
public final class InvalidInputException extends PlandevException {
  private static final long serialVersionUID = 1L;

  /**
   * One broken rule: the field path (for example {@code context.env}) and what is wrong with it.
   */
  public record FieldError(String field, String message) {
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }

  private final transient List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
