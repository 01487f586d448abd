package dev.plandev.defaults.backup;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.config.PostgresSettings;
import dev.plandev.defaults.config.SecuritySettings;
import dev.plandev.defaults.config.SqliteSettings;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.Resolution;
import dev.plandev.defaults.store.JdbcDefaultsStore;
import dev.plandev.defaults.store.SnapshotResolves;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The store opened on a copy of its database (a snapshot being backed up, a database being
 * restored) with its clock stopped at the snapshot's moment, so that resolves on the copy answer as
 * the live store did then: the sample a manifest records and a restore compares.
 */
final class SnapshotStore {
  /** Resolves recorded per backup: enough to catch a wrong or undecryptable store, quick to run. */
  static final int SAMPLE_SIZE = 25;

  private SnapshotStore() {}

  /**
   * {@code base} with its SQLite store at {@code file}, its key where {@code keys} has it (the key
   * file resolved against {@code keys}' data directory), and PostgreSQL off.
   */
  static PlandevConfig at(PlandevConfig base, Path file, PlandevConfig keys) {
    SqliteSettings q = base.sqlite();
    SecuritySettings s = keys.security();
    PostgresSettings pg = base.postgres();
    return new PlandevConfig(
        file.toAbsolutePath().getParent().toString(),
        base.server(),
        // A copy starts its own high-water mark: it is checked against its manifest instead.
        new SqliteSettings(
            file.toAbsolutePath().toString(),
            q.journalMode(),
            q.synchronous(),
            q.busyTimeout(),
            1,
            true),
        new PostgresSettings(false, pg.url(), pg.user(), pg.password(), pg.schema(), 1),
        base.redis(),
        base.ml(),
        base.monitoring(),
        new SecuritySettings(
            s.encryptionKey(),
            keys.resolve(s.keyFile()).toAbsolutePath().toString(),
            s.maxValueBytes(),
            s.maxContextFields(),
            ""),
        base.backup());
  }

  /**
   * Resolves each of {@code keys} (key, context JSON) on the store of {@code config} at {@code at}.
   */
  static List<Manifest.SampleResolve> resolve(
      PlandevConfig config, Instant at, List<String[]> keys) {
    try (JdbcDefaultsStore store =
        JdbcDefaultsStore.open(
            config, Clock.fixed(at, ZoneOffset.UTC), new SimpleMeterRegistry())) {
      return resolve(keys, store::resolve);
    }
  }

  /**
   * Resolves each of {@code keys} at {@code at} in the transaction of {@code c}, a connection on
   * the tables of the store of {@code config} (a PostgreSQL backup's snapshot, a restore before its
   * commit).
   */
  static List<Manifest.SampleResolve> resolve(
      PlandevConfig config, Connection c, Instant at, List<String[]> keys) {
    try (SnapshotResolves r = SnapshotResolves.within(config, c, at)) {
      return resolve(keys, r::resolve);
    }
  }

  private static List<Manifest.SampleResolve> resolve(
      List<String[]> keys, BiFunction<String, Context, Optional<Resolution>> how) {
    List<Manifest.SampleResolve> out = new ArrayList<>();
    for (String[] k : keys) {
      Optional<Resolution> r = how.apply(k[0], Context.parse(k[1]));
      out.add(
          new Manifest.SampleResolve(
              k[0],
              k[1],
              r.map(x -> x.entry().id()).orElse(0L),
              r.map(x -> x.entry().version()).orElse(0L)));
    }
    return out;
  }

  /**
   * Up to {@code n} (key, context JSON) of the entries read on {@code c}, spread evenly over them:
   * the resolves a sample makes.
   */
  static List<String[]> sampleKeys(Connection c, int n) throws SQLException {
    try (Statement s = c.createStatement()) {
      long count;
      try (ResultSet rs =
          s.executeQuery("SELECT COUNT(*) FROM default_values WHERE NOT is_deprecated")) {
        rs.next();
        count = rs.getLong(1);
      }
      long step = Math.max(1, count / Math.max(1, n));
      List<String[]> out = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT key, context FROM default_values WHERE NOT is_deprecated ORDER BY id")) {
        long i = 0;
        while (rs.next() && out.size() < n) {
          if (i++ % step == 0) {
            out.add(new String[] {rs.getString(1), rs.getString(2)});
          }
        }
      }
      return out;
    }
  }
}
