package dev.plandev.defaults.config;

import java.time.Duration;

/**
 * One rule a configuration breaks: the setting, the value it holds and what is allowed.
 *
 * @param path the setting as written in the file, {@code section.key}
 * @param value the value the setting holds, or null when it holds none
 * @param rule what the setting allows, phrased to follow its path ({@code must be positive})
 */
record ConfigProblem(String path, Object value, String rule) {

  /** {@code server.port: must be between 0 and 65535; got '70000'}. */
  @Override
  public String toString() {
    return path + ": " + rule + "; got " + shownValue();
  }

  private String shownValue() {
    if (value == null) {
      return "nothing";
    }
    // Messages end up in logs and terminals; a secret must not, even when it is the bad value.
    if (PlandevConfig.SECRET_PATHS.contains(path)) {
      return "a value that is not shown (secret)";
    }
    return "'" + (value instanceof Duration d ? DurationText.format(d) : value) + "'";
  }
}
