package dev.plandev.testing;

import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one rule that tells CI from a laptop, and what a test does when something it needs is
 * missing: on a laptop it is skipped with a message that says how to provide it; in CI it fails, so
 * that CI can never go green by skipping.
 *
 * <p>CI is the environment variable {@code CI} set to anything but blank, {@code false} or {@code
 * 0} ({@code .ci/run} exports {@code CI=true}, as most CI systems do).
 */
public final class Prerequisites {
  private Prerequisites() {}

  /** True when running in CI, where every prerequisite must be present. */
  public static boolean inCi() {
    return inCi(System.getenv());
  }

  /** The rule itself, on a given environment (so it can be tested). */
  static boolean inCi(Map<String, String> environment) {
    String ci = environment.get("CI");
    return ci != null
        && !ci.isBlank()
        && !ci.strip().equalsIgnoreCase("false")
        && !ci.strip().equals("0");
  }

  /** Skips (in CI: fails) the calling test with {@code message} unless {@code present}. */
  public static void require(boolean present, String message) {
    if (present) {
      return;
    }
    if (inCi()) {
      Assertions.fail(message + " (CI is set, so this is a failure, not a skip)");
    }
    Assumptions.abort(message);
  }
}
