package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plandev.defaults.testing.ReplicatedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The v39 active-passive replication, proven: a primary and its synchronous standby made for the
 * test, the service given both ({@code targetServerType=primary}) under a write and read load; the
 * primary is killed with SIGKILL mid-load and the standby promoted. The service serves again within
 * {@link #RECOVERY_LIMIT} of the promotion without being touched, no write it acknowledged is
 * missing from the promoted database, {@code /ready} says "not ready" for as long as no primary
 * answers, and {@code /health} shows the outage afterwards. The recovery time is printed.
 */
class PostgresFailoverTest {
  /** The v39 plan's failover target, counted from the promotion. */
  static final Duration RECOVERY_LIMIT = Duration.ofSeconds(10);

  /** A safety net for what has no deadline of its own (the load's first writes, the gap). */
  static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path dir;

  /** One answer of {@code /ready}: when it was asked and answered, and its status. */
  record ReadyAnswer(long askedNanos, long answeredNanos, int status) {}

  @Test
  void primaryKilledUnderLoad_standbyPromoted_serviceServesAgain_noAcknowledgedWriteLost()
      throws Exception {
    long began = System.nanoTime();
    try (ReplicatedPostgres pg = ReplicatedPostgres.start();
        ServerFixture f =
            new ServerFixture(
                dir,
                Map.of(
                    "postgres.enabled", "true",
                    "postgres.url", pg.failoverUrl(),
                    "postgres.user", pg.user(),
                    "postgres.schema", "plandev",
                    "server.rateLimit", "0"))) {
      assertThat(f.get("/ready", null).statusCode()).isEqualTo(200);
      List<ReadyAnswer> ready = new CopyOnWriteArrayList<>();
      Thread readyWatch = watchReady(f, ready);
      long started = System.nanoTime();
      FailoverLoad load = FailoverLoad.start(f.server.url().toString(), f.editor, 3, 3);
      try {
        await("writes and reads succeed before the failure")
            .atMost(PATIENCE)
            .until(() -> load.acknowledged().size() >= 30 && load.readsOk() >= 30);

        pg.killPrimary();
        long killed = System.nanoTime();
        await("/ready answers 503 once the primary is gone")
            .atMost(PATIENCE)
            .until(() -> f.get("/ready", null).statusCode() == 503);
        long unready = System.nanoTime();
        await("a write is refused while no primary answers")
            .atMost(PATIENCE)
            .until(() -> !load.writeFailuresSince(killed).isEmpty());
        JsonNode unavailable = f.body(f.get("/ready", null));
        assertThat(unavailable.get("status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(unavailable.at("/checks/database").asText())
            .isEqualTo("the database server cannot be reached");
        HttpResponse<String> down = f.get("/health", f.reader);
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(f.body(down).at("/checks/connection/status").asText()).isEqualTo("DOWN");

        long promoting = System.nanoTime();
        pg.promoteStandby();
        long promoted = System.nanoTime();
        Duration left = RECOVERY_LIMIT.minusNanos(System.nanoTime() - promoting);
        await("a write acknowledged and a read answered after the promotion")
            .atMost(left.isNegative() ? Duration.ZERO : left)
            .pollInterval(Duration.ofMillis(10))
            .until(() -> load.servedAfter(promoted));
        long served = Math.max(load.lastWriteOk(), load.lastReadOk());
        System.out.printf(
            "PostgresFailoverTest: the pair and the service started in %d ms; the load ran %d ms"
                + " before the kill; /ready said 503 %d ms after the kill; the gap lasted %d ms;"
                + " the promotion took %d ms; the service served again %d ms after the promotion"
                + " began (limit %d ms)%n",
            ms(started - began),
            ms(killed - started),
            ms(unready - killed),
            ms(promoting - killed),
            ms(promoted - promoting),
            ms(served - promoting),
            RECOVERY_LIMIT.toMillis());
        await("/ready answers 200 again")
            .atMost(RECOVERY_LIMIT)
            .until(() -> f.get("/ready", null).statusCode() == 200);

        // The gap, as /ready told it: every answer asked after the kill and answered before the
        // promotion said "not ready".
        List<ReadyAnswer> inGap =
            ready.stream()
                .filter(a -> a.askedNanos() - killed > 0 && promoting - a.answeredNanos() > 0)
                .toList();
        assertThat(inGap).as("answers of /ready during the gap").isNotEmpty();
        assertThat(inGap).allSatisfy(a -> assertThat(a.status()).isEqualTo(503));
      } finally {
        load.close();
        readyWatch.interrupt();
        readyWatch.join();
      }

      List<FailoverLoad.Failure> failed = load.failures();
      System.out.printf(
          "PostgresFailoverTest: %d writes acknowledged of %d, %d reads answered, %d failures%n",
          load.acknowledged().size(), load.writesAttempted(), load.readsOk(), failed.size());
      assertThat(failed)
          .as("failures are honest: a 503 problem that says the database cannot be reached")
          .allSatisfy(
              x -> {
                assertThat(x.status()).as(x.toString()).isEqualTo(503);
                assertThat(x.body()).contains("cannot be reached").doesNotContain("Exception");
              });

      Set<String> stored = new HashSet<>();
      try (Connection c = DriverManager.getConnection(pg.standbyUrl(), pg.user(), "");
          ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT key FROM plandev.default_values WHERE key LIKE 'failover.%'")) {
        while (rs.next()) {
          stored.add(rs.getString(1));
        }
      }
      assertThat(stored)
          .as("every acknowledged write is in the promoted database")
          .containsAll(load.acknowledged().keySet());

      JsonNode health = f.body(f.get("/health", f.reader));
      assertThat(health.get("status").asText()).isEqualTo("UP");
      JsonNode connection = health.at("/checks/connection");
      assertThat(connection.get("status").asText()).isEqualTo("UP");
      JsonNode outage = connection.get("lastOutage");
      assertThat(outage).as(connection.toString()).isNotNull();
      assertThat(outage.get("reason").asText()).contains("cannot be reached");
      assertThat(Instant.parse(outage.get("from").asText()))
          .isBefore(Instant.parse(outage.get("to").asText()));
      assertThat(outage.get("failedCalls").asLong()).isPositive();
      assertThat(outage.get("seconds").asDouble()).isPositive();
      assertThat(f.get("/metrics", f.reader).body())
          .contains("plandev_store_reachable 1.0")
          .contains("plandev_store_outages_total 1.0");
    }
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  /** Asks {@code /ready} over and over until interrupted, recording every answer. */
  private static Thread watchReady(ServerFixture f, List<ReadyAnswer> answers) {
    Thread t =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                long asked = System.nanoTime();
                try {
                  int status = f.get("/ready", null).statusCode();
                  answers.add(new ReadyAnswer(asked, System.nanoTime(), status));
                } catch (RuntimeException e) {
                  return; // interrupted mid-request
                }
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000); // ~50 asks a second
              }
            },
            "ready-watch");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
