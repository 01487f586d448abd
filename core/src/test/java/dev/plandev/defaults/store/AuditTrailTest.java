package dev.plandev.defaults.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.BatchOperation;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.ExportedDefault;
import dev.plandev.defaults.model.StorageException;
import dev.plandev.defaults.security.Role;
import dev.plandev.defaults.testing.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change and its audit row are one transaction: when the audit row cannot be written (here the
 * SQLite file refuses it through a trigger, as a full disk or a broken table would), the change is
 * not written either, and the trail never lacks a change that was made.
 */
class AuditTrailTest {
  @TempDir Path dir;
  final Actor alice = Actor.of("alice");
  JdbcDefaultsStore store;

  @BeforeEach
  void open() {
    PlandevConfig config = PlandevConfig.defaults().withDataDir(dir.toString());
    store = JdbcDefaultsStore.open(config, new TestClock(), new SimpleMeterRegistry());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void create_whenItsAuditRowFails_writesNothing() throws SQLException {
    refuseAuditRows(true);
    assertThatThrownBy(() -> store.create(DefaultSpec.of("a.b", "1"), alice))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("cannot create default a.b")
        .hasMessageContaining("audit refused");
    assertThat(store.find("a.b", Context.EMPTY)).isEmpty();
    refuseAuditRows(false);
    store.create(DefaultSpec.of("a.b", "1"), alice);
    assertThat(store.changes("a.b", 1, 10).items()).hasSize(1);
  }

  @Test
  void updateAndDelete_whenTheirAuditRowsFail_leaveTheEntryAsItWas() throws SQLException {
    DefaultEntry e = store.put(DefaultSpec.of("a.b", "1"), alice);
    refuseAuditRows(true);
    assertThatThrownBy(() -> store.update(e.id(), 1, DefaultSpec.of("a.b", "2"), alice))
        .isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> store.delete(e.id(), 1L, alice)).isInstanceOf(StorageException.class);
    assertThat(store.find(e.id())).contains(e);
    assertThat(store.changes("a.b", 1, 10).total()).isEqualTo(1);
  }

  @Test
  void batchAndImport_whenTheirAuditRowsFail_applyNothing() throws SQLException {
    refuseAuditRows(true);
    assertThatThrownBy(
            () ->
                store.batch(
                    List.of(
                        BatchOperation.upsert(DefaultSpec.of("b.one", "1")),
                        BatchOperation.upsert(DefaultSpec.of("b.two", "2"))),
                    false,
                    alice))
        .isInstanceOf(StorageException.class);
    assertThatThrownBy(
            () ->
                store.importAll(
                    List.of(
                        new ExportedDefault(
                            "c.one", "1", "string", null, "{}", 1, 0, 0, null, null, null, null,
                            false, false, 1)),
                    false,
                    alice))
        .isInstanceOf(StorageException.class);
    assertThat(store.stats().entries()).isZero();
  }

  @Test
  void apiKey_whenItsAuditRowFails_isNotCreated() throws SQLException {
    refuseAuditRows(true);
    ApiKeys keys = store.apiKeys();
    assertThatThrownBy(() -> keys.create("ci-bot", Role.EDITOR, alice))
        .isInstanceOf(StorageException.class);
    assertThat(keys.list()).isEmpty();
  }

  /** Makes every insert into the audit trail fail, or (false) succeed again, from outside. */
  private void refuseAuditRows(boolean refuse) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:sqlite:" + dir.resolve("defaults.db").toAbsolutePath());
        Statement s = c.createStatement()) {
      s.execute(
          refuse
              ? "CREATE TRIGGER refuse_audit BEFORE INSERT ON changes"
                  + " BEGIN SELECT RAISE(ABORT, 'audit refused'); END"
              : "DROP TRIGGER refuse_audit");
    }
  }
}
