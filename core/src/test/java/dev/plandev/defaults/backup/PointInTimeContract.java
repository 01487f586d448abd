package dev.plandev.defaults.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.model.ValueType;
import dev.plandev.defaults.testing.TestClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Point-in-time exactness, the same for every kind of store: thousands of writes, deletions and
 * usage events over simulated time (an injected clock), full and incremental backups taken along
 * the way, then restores at several moments, each compared row for row and column for column with
 * the store recorded at that moment.
 */
abstract class PointInTimeContract {
  private static final Actor ACTOR = Actor.of("test");
  private static final int STEPS = 3000;
  private static final Set<Integer> RECORDED =
      Set.of(60, 250, 777, 800, 1499, 1500, 1501, 2222, 2999);

  @TempDir Path dir;

  /** A new, empty store whose data directory (backups, key) is {@code dataDir}. */
  abstract PlandevConfig store(Path dataDir);

  /**
   * Restores the backups of {@code source} as of {@code at} into a new store named {@code name}, as
   * {@code plandev restore --at} does, and returns that store.
   */
  abstract PlandevConfig restoreAt(PlandevConfig source, Instant at, String name, Clock clock)
      throws Exception;

  /** Every row and column of the defaults, the audit trail and the usage events, as text. */
  abstract String dump(PlandevConfig store) throws Exception;

  @Test
  void restoreAt_rebuildsTheStoreExactlyAsItWasAtEachMoment() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-01-05T08:00:00Z"));
    PlandevConfig config = store(dir.resolve("data"));
    Map<Instant, String> recorded = new LinkedHashMap<>();
    Instant beforeFirstFull = null;
    Random rnd = new Random(18);
    Backups backups = Backups.of(config, clock);
    try (SmartDefaults d = SmartDefaults.open(config, clock)) {
      for (int step = 0; step < STEPS; step++) {
        clock.advance(Duration.ofMillis(1 + rnd.nextInt(5000)));
        act(d, rnd, clock);
        if (step == 50) {
          beforeFirstFull = clock.instant();
        }
        if (step == 100 || step == 1500) {
          backups.full(BackupProgress.NONE);
        } else if (step > 100 && step % 300 == 0) {
          backups.incremental(BackupProgress.NONE);
        }
        if (RECORDED.contains(step)) {
          recorded.put(clock.instant(), dump(config));
        }
      }
      clock.advance(Duration.ofSeconds(1));
      backups.incremental(BackupProgress.NONE);
    }
    assertThat(backups.list()).filteredOn(b -> b.manifest().full()).hasSize(2);
    int i = 0;
    PlandevConfig first = null;
    for (Map.Entry<Instant, String> moment : recorded.entrySet()) {
      Instant at = moment.getKey();
      if (at.isBefore(backups.list().get(0).manifest().toInstant())) {
        assertThatThrownBy(() -> restoreAt(config, at, "early", clock))
            .isInstanceOf(RestoreRefusedException.class)
            .hasMessageContaining("nothing earlier");
        continue;
      }
      PlandevConfig restored = restoreAt(config, at, "at-" + i++, clock);
      assertThat(moment.getValue().lines()).as("rows recorded at %s", at).hasSizeGreaterThan(50);
      assertThat(dump(restored)).as("the store at %s", at).isEqualTo(moment.getValue());
      if (first == null) {
        first = restored;
      }
    }
    assertThat(i).isGreaterThanOrEqualTo(7);
    Instant early = beforeFirstFull;
    assertThatThrownBy(() -> restoreAt(config, early, "early", clock))
        .isInstanceOf(RestoreRefusedException.class);
    Instant late = clock.instant().plus(Duration.ofHours(1));
    assertThatThrownBy(() -> restoreAt(config, late, "late", clock))
        .isInstanceOf(RestoreRefusedException.class)
        .hasMessageContaining("take an incremental backup");
    // A restored store opens and serves.
    try (SmartDefaults restored = SmartDefaults.open(first, clock)) {
      assertThat(restored.stats().entries()).isPositive();
    }
  }

  /** One random write: a put (some secret, some expiring), a delete, or feedback. */
  private static void act(SmartDefaults d, Random rnd, TestClock clock) {
    String key = "k" + rnd.nextInt(30);
    Context ctx =
        switch (rnd.nextInt(3)) {
          case 0 -> Context.of();
          case 1 -> Context.of("project", "p" + rnd.nextInt(4));
          default -> Context.of("project", "p" + rnd.nextInt(4), "env", "e" + rnd.nextInt(2));
        };
    int op = rnd.nextInt(10);
    if (op < 4) {
      Instant expires = rnd.nextInt(5) == 0 ? clock.instant().plusSeconds(rnd.nextInt(3600)) : null;
      d.store()
          .put(
              new DefaultSpec(
                  key,
                  "v" + rnd.nextInt(5),
                  ValueType.STRING,
                  null,
                  ctx,
                  (1 + rnd.nextInt(10)) / 10.0,
                  expires,
                  rnd.nextInt(20) == 0,
                  key.endsWith("7")),
              ACTOR);
    } else if (op == 4) {
      Optional<DefaultEntry> e = d.store().find(key, ctx);
      e.ifPresent(x -> d.store().delete(x.id(), null, ACTOR));
    } else {
      Outcome[] outcomes = Outcome.values();
      d.store()
          .recordUsage(
              new Feedback(
                  key,
                  ctx,
                  "v" + rnd.nextInt(5),
                  outcomes[rnd.nextInt(outcomes.length)],
                  rnd.nextBoolean() ? "v" + rnd.nextInt(5) : null,
                  "test"));
    }
  }

  /** Every row and column of the three tables, read on {@code c}, as text. */
  static String dump(Connection c) throws Exception {
    StringBuilder out = new StringBuilder();
    try (Statement s = c.createStatement()) {
      for (String table : new String[] {"default_values", "changes", "usage_events"}) {
        out.append("# ").append(table).append('\n');
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            for (int col = 1; col <= md.getColumnCount(); col++) {
              out.append(rs.getString(col)).append('|');
            }
            out.append('\n');
          }
        }
      }
    }
    return out.toString();
  }
}
