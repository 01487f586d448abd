package dev.plandev.server.web;

/**
 * A change sent from a plan page that no longer shows the file: the file changed on disk (an
 * editor, {@code plandev check}, an agent) since the page loaded it, so the change is refused
 * rather than applied to content the person never saw.
 */
final class StalePlanException extends WebException {
  private static final long serialVersionUID = 1L;

  final String currentVersion;

  StalePlanException(String file, String currentVersion) {
    super(
        409,
        "Plan changed",
        "the plan "
            + file
            + " changed since this page loaded it; nothing was changed, and the page now shows"
            + " the plan as it is. Check the box again if you still mean to.");
    this.currentVersion = currentVersion;
  }
}
