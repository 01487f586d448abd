package dev.plandev.defaults.config;

/**
 * The {@code security} section: limits and encryption of secret values, and the service's
 * configured key.
 *
 * @param adminKey an admin API key the operator made and holds in a secret store ({@code pdk_} and
 *     32 letters or digits); {@code plandev serve} registers its hash at start, so replicas
 *     deployed from one secret all accept it. Empty: none (the first start prints a key instead)
 */
public record SecuritySettings(
    String encryptionKey,
    String keyFile,
    int maxValueBytes,
    int maxContextFields,
    String adminKey) {

  static SecuritySettings defaults() {
    return new SecuritySettings("", "secret.key", 65_536, 16, "");
  }

  void check(ProblemList problems) {
    problems.between("security.maxValueBytes", maxValueBytes, 16, 16 * 1_048_576);
    problems.between("security.maxContextFields", maxContextFields, 1, 64);
    problems.require(
        adminKey != null && (adminKey.isEmpty() || adminKey.matches("pdk_[A-Za-z0-9]{32}")),
        "security.adminKey",
        adminKey == null ? null : "****",
        "must be empty or pdk_ and 32 letters or digits");
  }
}
