package dev.plandev.defaults.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.EntryNotFoundException;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.security.ApiKey;
import dev.plandev.defaults.security.Role;
import dev.plandev.defaults.testing.Await;
import dev.plandev.defaults.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API keys on each database: revoking by an unambiguous reference, recording the last use. */
abstract class ApiKeysContract {
  @TempDir Path dir;
  final TestClock clock = new TestClock();
  final Actor admin = Actor.of("admin");
  SmartDefaults defaults;
  ApiKeys keys;

  abstract PlandevConfig config(Path dataDir);

  @BeforeEach
  void open() {
    defaults = SmartDefaults.open(config(dir), clock);
    keys = defaults.apiKeys();
  }

  @AfterEach
  void close() {
    if (defaults != null) {
      defaults.close();
      defaults = null;
    }
  }

  ApiKey stored(long id) {
    return keys.list().stream().filter(k -> k.id() == id).findFirst().orElseThrow();
  }

  @Test
  void revoke_plainValueThatIsOneKeysIdAndAnothersName_isRefusedWithTheCandidates() {
    ApiKey deploy = keys.create("deploy", Role.ADMIN, admin).key();
    String numeric = Long.toString(deploy.id());
    ApiKey named = keys.create(numeric, Role.READER, admin).key();

    assertThatThrownBy(() -> keys.revoke(numeric, admin))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("matches more than one API key")
        .hasMessageContaining("id " + deploy.id() + ", name deploy, role admin, prefix ")
        .hasMessageContaining("id " + named.id() + ", name " + numeric + ", role reader")
        .hasMessageContaining("id:" + numeric + " or name:" + numeric);
    assertThat(keys.list()).noneMatch(ApiKey::revoked);

    assertThat(keys.revoke("name:" + numeric, admin).id()).isEqualTo(named.id());
    assertThat(stored(named.id()).revoked()).isTrue();
    assertThat(stored(deploy.id()).revoked()).isFalse();
    assertThat(keys.revoke("id:" + deploy.id(), admin).name()).isEqualTo("deploy");
    assertThat(stored(deploy.id()).revoked()).isTrue();
  }

  @Test
  void revoke_plainValueMatchingOneKey_revokesIt() {
    ApiKey ci = keys.create("ci", Role.EDITOR, admin).key();
    ApiKey bot = keys.create("bot", Role.READER, admin).key();
    assertThat(keys.revoke(Long.toString(bot.id()), admin).name()).isEqualTo("bot");
    assertThat(keys.revoke("ci", admin).id()).isEqualTo(ci.id());
  }

  @Test
  void revoke_malformedOrUnknownReference_saysWhatIsWrong() {
    keys.create("ci", Role.EDITOR, admin);
    assertThatThrownBy(() -> keys.revoke("id:ci", admin))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ids are whole numbers, as in id:3");
    assertThatThrownBy(() -> keys.revoke("id:999", admin))
        .isInstanceOf(EntryNotFoundException.class)
        .hasMessageContaining("no API key with id 999");
    assertThatThrownBy(() -> keys.revoke("name:999", admin))
        .isInstanceOf(EntryNotFoundException.class)
        .hasMessageContaining("no API key named '999'");
    assertThatThrownBy(() -> keys.revoke(" ", admin)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void lastUsed_isWrittenInTheBackground_atMostOnceAMinutePerKey() {
    ApiKeys.Created ci = keys.create("ci", Role.EDITOR, admin);
    long id = ci.key().id();
    assertThat(stored(id).lastUsed()).isNull();

    Instant first = clock.instant();
    assertThat(keys.authenticate(ci.secret())).isPresent();
    Await.until(
        "the first use is written by the background writer",
        Await.GENEROUS,
        () -> first.equals(stored(id).lastUsed()));

    clock.advance(Duration.ofSeconds(30));
    assertThat(keys.authenticate(ci.secret())).isPresent();
    keys.flushLastUsed();
    assertThat(stored(id).lastUsed()).as("used again within the minute").isEqualTo(first);

    clock.advance(Duration.ofSeconds(31));
    Instant later = clock.instant();
    assertThat(keys.authenticate(ci.secret())).isPresent();
    Await.until(
        "a use a minute after the written one is written too",
        Await.GENEROUS,
        () -> later.equals(stored(id).lastUsed()));
  }

  @Test
  void lastUsed_notedJustBeforeClosing_isWritten() {
    ApiKeys.Created ci = keys.create("ci", Role.EDITOR, admin);
    keys.authenticate(ci.secret());
    Instant used = clock.instant();
    defaults.close();
    defaults = SmartDefaults.open(config(dir), clock);
    keys = defaults.apiKeys();
    assertThat(Objects.requireNonNull(stored(ci.key().id()).lastUsed())).isEqualTo(used);
  }

  @Test
  void ensureConfigured_registersAnOperatorsKeyOnce_asAnAdmin() {
    String secret = "pdk_" + "k3y".repeat(10) + "ab";
    ApiKey first = keys.ensureConfigured(secret, admin);
    ApiKey again = keys.ensureConfigured(secret, admin);

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(first.role()).isEqualTo(Role.ADMIN);
    assertThat(first.name()).startsWith("configured-").doesNotContain(secret.substring(4, 12));
    assertThat(keys.authenticate(secret)).map(ApiKey::id).contains(first.id());
    assertThat(keys.list()).hasSize(1);
  }

  @Test
  void ensureConfigured_afterARestart_findsTheKey_andRefusesARevokedOne() {
    String secret = "pdk_" + "Z".repeat(32);
    ApiKey key = keys.ensureConfigured(secret, admin);
    defaults.close();
    defaults = SmartDefaults.open(config(dir), clock);
    keys = defaults.apiKeys();
    assertThat(keys.ensureConfigured(secret, admin).id()).isEqualTo(key.id());

    keys.revoke("id:" + key.id(), admin);
    assertThatThrownBy(() -> keys.ensureConfigured(secret, admin))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("security.adminKey")
        .hasMessageContaining("revoked since; configure a new key");
  }

  @Test
  void ensureConfigured_refusesWhatIsNotAPlandevKey() {
    assertThatThrownBy(() -> keys.ensureConfigured("pdk_short", admin))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("pdk_ and 32 letters or digits");
    assertThat(keys.list()).isEmpty();
  }
}
