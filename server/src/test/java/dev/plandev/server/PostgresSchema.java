package dev.plandev.server;

import dev.plandev.defaults.testing.Services;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** A fresh schema of the machine's PostgreSQL for one service, dropped on close. */
final class PostgresSchema implements AutoCloseable {
  final String name = Services.freshPostgresSchema();

  /** The settings of a store in this schema, with {@code extra} settings on top. */
  Map<String, String> settings(String urlSuffix, Map<String, String> extra) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("postgres.enabled", "true");
    s.put("postgres.url", Services.PG_URL + urlSuffix);
    s.put("postgres.user", Services.PG_USER);
    s.put("postgres.schema", name);
    s.putAll(extra);
    return s;
  }

  /** Drops the store's tables under the running service, so its next query fails. */
  void dropUnderTheService() throws SQLException {
    try (Connection c = DriverManager.getConnection(Services.PG_URL, Services.PG_USER, "");
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + name + " CASCADE");
    }
  }

  @Override
  public void close() {
    Services.dropPostgresSchema(name);
  }
}
