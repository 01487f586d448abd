package dev.plandev.server;

import dev.plandev.defaults.model.InvalidInputException;
import java.util.List;

/**
 * A failure of the HTTP layer itself (bad JSON, missing precondition, unknown filter…), rendered as
 * {@code application/problem+json} by {@link Problems} like every other failure.
 */
final class HttpProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;
  final String title;
  final transient List<InvalidInputException.FieldError> errors;

  HttpProblem(int status, String title, String detail) {
    this(status, title, detail, List.of());
  }

  HttpProblem(
      int status, String title, String detail, List<InvalidInputException.FieldError> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  static HttpProblem badRequest(String detail) {
    return new HttpProblem(400, "Bad request", detail);
  }

  static HttpProblem unprocessable(String field, String message) {
    return new HttpProblem(
        422,
        "Invalid input",
        field + ": " + message,
        List.of(new InvalidInputException.FieldError(field, message)));
  }
}
