package dev.plandev.defaults.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.testing.Services;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link WriteGroupsTest} on a fresh schema of the machine's PostgreSQL. */
class PostgresWriteGroupsTest extends WriteGroupsTest {
  private String schema;

  @Override
  PlandevConfig config() {
    schema = Services.freshPostgresSchema();
    return Services.postgresConfig(dir, schema);
  }

  @Override
  String idType() {
    return "SERIAL";
  }

  /**
   * A work whose connection dies in a group: the pool then closes the connection, and the rollback
   * to the work's savepoint fails with "Connection is closed" and no SQL state. Every caller of the
   * group must still learn that the server was lost (the failover test saw three writes of one
   * group answered "the database is unavailable" instead).
   */
  @Test
  void aConnectionLostInAGroup_failsEveryWorkAsTheServerUnreachable() throws Exception {
    List<Future<Long>> results =
        queuedTogether(
            List.of(
                insert("a"),
                tx -> {
                  tx.prepare("SELECT pg_terminate_backend(pg_backend_pid())").execute();
                  return 0L;
                },
                insert("c")));
    for (Future<Long> r : results) {
      assertThat(r)
          .failsWithin(Duration.ofSeconds(10))
          .withThrowableOfType(ExecutionException.class)
          .satisfies(
              e -> {
                StorageFault fault = db.fault(e.getCause());
                assertThat(fault).as("the fault of %s", e.getCause()).isNotNull();
                assertThat(fault.kind()).isEqualTo(StorageFault.Kind.UNREACHABLE);
              });
    }
    assertThat(names()).isEmpty();
  }

  @AfterEach
  void dropSchema() {
    Services.dropPostgresSchema(schema);
  }
}
