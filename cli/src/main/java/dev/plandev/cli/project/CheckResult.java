package dev.plandev.cli.project;

/**
 * The outcome of one {@code plandev doctor} check, as one line: what was checked, what was found
 * and, when it failed, how to fix it.
 *
 * @param name what was checked, one word or two ({@code java}, {@code key file})
 * @param status passed, failed, or not applicable on this machine
 * @param detail what was found, with the path or address it concerns
 * @param fix what to do when it failed; empty otherwise
 */
record CheckResult(String name, Status status, String detail, String fix) {

  /** One line each: a detail quoted from elsewhere (SQLite's report) may hold several. */
  CheckResult {
    detail = detail.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /** Whether a check passed, failed, or did not apply (a service that is not enabled). */
  enum Status {
    OK("ok"),
    FAILED("FAIL"),
    NOT_APPLICABLE("--");

    final String label;

    Status(String label) {
      this.label = label;
    }
  }

  static CheckResult ok(String name, String detail) {
    return new CheckResult(name, Status.OK, detail, "");
  }

  static CheckResult failed(String name, String detail, String fix) {
    return new CheckResult(name, Status.FAILED, detail, fix);
  }

  static CheckResult notApplicable(String name, String detail) {
    return new CheckResult(name, Status.NOT_APPLICABLE, detail, "");
  }

  /** The line {@code plandev doctor} prints, {@code name} padded to {@code width}. */
  String line(int width) {
    return String.format(
        "%-4s  %-" + width + "s  %s%s",
        status.label,
        name,
        detail,
        fix.isEmpty() ? "" : "; fix: " + fix);
  }
}
