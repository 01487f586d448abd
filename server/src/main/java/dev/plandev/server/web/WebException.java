package dev.plandev.server.web;

/**
 * A request the web UI refuses, with the HTTP status of its error page and a message in plain words
 * for the person who sent it; the base of every exception of the UI.
 */
class WebException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String title;

  WebException(int status, String title, String message) {
    super(message);
    this.status = status;
    this.title = title;
  }

  static WebException notFound(String message) {
    return new WebException(404, "Page not found", message);
  }

  static WebException forbidden(String message) {
    return new WebException(403, "Not allowed", message);
  }

  static WebException badRequest(String message) {
    return new WebException(400, "Bad request", message);
  }
}
