package dev.plandev.defaults.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.exchange.DefaultsExchange;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.BatchOperation;
import dev.plandev.defaults.model.Change;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.DefaultsStore;
import dev.plandev.defaults.model.ExportedDefault;
import dev.plandev.defaults.model.ListQuery;
import dev.plandev.defaults.testing.TestClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret stays secret until a write says otherwise: every way of overwriting one that does not
 * mention secrecy keeps the new value encrypted, in the database and in every listing.
 */
abstract class SecretOverwriteContract {
  private static final String KEY = "vault.token";
  private static final String NEW_VALUE = "new-plaintext-token-42";

  @TempDir Path dir;
  final TestClock clock = new TestClock();
  final Actor alice = Actor.of("alice");
  SmartDefaults defaults;
  DefaultsStore store;

  abstract PlandevConfig config(Path dataDir);

  /** A connection to the store's database that bypasses the store. */
  abstract Connection rawConnection() throws SQLException;

  @BeforeEach
  void open() {
    defaults = SmartDefaults.open(config(dir), clock);
    store = defaults.store();
    store.put(DefaultSpec.of(KEY, "old-secret").withSecret(true), alice);
  }

  @AfterEach
  void close() {
    if (defaults != null) {
      defaults.close();
    }
  }

  @Test
  void put_thatDoesNotMentionSecrecy_keepsTheSecret() throws Exception {
    store.put(DefaultSpec.of(KEY, NEW_VALUE), alice);
    assertStillSecret();
  }

  @Test
  void update_thatDoesNotMentionSecrecy_keepsTheSecret() throws Exception {
    DefaultEntry e = store.find(KEY, Context.EMPTY).orElseThrow();
    store.update(e.id(), e.version(), DefaultSpec.of(KEY, NEW_VALUE), alice);
    assertStillSecret();
  }

  @Test
  void batchUpsert_thatDoesNotMentionSecrecy_keepsTheSecret() throws Exception {
    store.batch(List.of(BatchOperation.upsert(DefaultSpec.of(KEY, NEW_VALUE))), true, alice);
    assertStillSecret();
  }

  @Test
  void import_ofAPlainRow_overASecret_keepsTheSecret() throws Exception {
    String csv = "key,value\n" + KEY + "," + NEW_VALUE + "\n";
    var report =
        defaults
            .exchange()
            .importFrom(
                DefaultsExchange.Format.CSV,
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                false,
                alice);
    assertThat(report.errors()).isEmpty();
    assertStillSecret();
  }

  @Test
  void explicitSecretFalse_makesTheValuePlain() throws Exception {
    store.put(DefaultSpec.of(KEY, NEW_VALUE).withSecret(false), alice);
    assertThat(store.find(KEY, Context.EMPTY).orElseThrow().secret()).isFalse();
    assertThat(rawValue()).isEqualTo(NEW_VALUE);
  }

  @Test
  void newEntry_thatDoesNotMentionSecrecy_isPlain() throws Exception {
    DefaultEntry e = store.put(DefaultSpec.of("plain.key", "v"), alice);
    assertThat(e.secret()).isFalse();
  }

  private void assertStillSecret() throws SQLException {
    DefaultEntry read = store.find(KEY, Context.EMPTY).orElseThrow();
    assertThat(read.value()).isEqualTo(NEW_VALUE);
    assertThat(read.secret()).as("still secret").isTrue();
    assertThat(rawValue()).startsWith("enc:v1:").doesNotContain(NEW_VALUE);
    assertThat(store.list(ListQuery.all()).items())
        .filteredOn(x -> x.key().equals(KEY))
        .singleElement()
        .satisfies(x -> assertThat(x.redacted().value()).isEqualTo(DefaultEntry.MASK));
    assertThat(store.exportAll())
        .extracting(ExportedDefault::value)
        .allSatisfy(v -> assertThat(v).doesNotContain(NEW_VALUE));
    assertThat(store.changes(KEY, 1, 100).items())
        .extracting(Change::newValue)
        .allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(NEW_VALUE));
  }

  private String rawValue() throws SQLException {
    try (Connection c = rawConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT value, is_secret FROM default_values WHERE key = ?")) {
      ps.setString(1, KEY);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }
}
