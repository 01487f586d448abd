package dev.plandev.defaults.config;

/** The {@code postgres} section: PostgreSQL, for several service instances sharing one store. */
public record PostgresSettings(
    boolean enabled, String url, String user, String password, String schema, int poolSize) {

  static PostgresSettings defaults() {
    return new PostgresSettings(
        false, "jdbc:postgresql://127.0.0.1:5432/plandev", "plandev", "", "public", 10);
  }

  void check(ProblemList problems) {
    problems.require(
        !enabled || (url != null && url.startsWith("jdbc:postgresql:")),
        "postgres.url",
        url,
        "must start with jdbc:postgresql:");
    problems.between("postgres.poolSize", poolSize, 1, 200);
    problems.require(
        schema != null && schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}"),
        "postgres.schema",
        schema,
        "must be a plain SQL identifier");
  }
}
