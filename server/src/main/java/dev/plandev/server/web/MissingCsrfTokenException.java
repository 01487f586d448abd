package dev.plandev.server.web;

/**
 * A form or change sent without the page's anti-forgery token, or with another one: it may come
 * from another site riding on the signed-in person's cookie, so it is refused (403).
 */
final class MissingCsrfTokenException extends WebException {
  private static final long serialVersionUID = 1L;

  MissingCsrfTokenException() {
    super(
        403,
        "Request refused",
        "the form was not sent from a plandev page of this session (its anti-forgery token is"
            + " missing or out of date); reload the page and try again");
  }
}
