package dev.plandev.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.security.ApiKey;
import dev.plandev.defaults.security.Role;
import dev.plandev.defaults.testing.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-ins end by time on the injected clock, by sign-out, by revoking the key, and links once. */
class SessionsTest {
  @TempDir Path dir;
  private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
  private SmartDefaults defaults;
  private Sessions sessions;
  private ApiKey key;

  @BeforeEach
  void open() {
    defaults =
        SmartDefaults.open(
            PlandevConfig.defaults().withDataDir(dir.toString()), clock, new SimpleMeterRegistry());
    key = defaults.apiKeys().create("ada", Role.EDITOR, Actor.of("test")).key();
    sessions = new Sessions(defaults.apiKeys(), Duration.ofMinutes(30), clock);
  }

  @AfterEach
  void close() {
    defaults.close();
  }

  @Test
  void session_livesWhileUsed_andEndsAfterTheTimeoutUnused() {
    Session s = sessions.open(key);
    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.find(s.id())).isPresent();
    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.find(s.id())).as("used 29 minutes ago").isPresent();
    clock.advance(Duration.ofMinutes(30));
    assertThat(sessions.find(s.id())).isEmpty();
  }

  @Test
  void signOut_endsTheSession() {
    Session s = sessions.open(key);
    sessions.end(s.id());
    assertThat(sessions.find(s.id())).isEmpty();
    assertThat(sessions.find("made-up")).isEmpty();
    assertThat(sessions.find(null)).isEmpty();
  }

  @Test
  void revokedKey_endsItsSessions_withinAMinute() {
    Session s = sessions.open(key);
    defaults.apiKeys().revoke("name:ada", Actor.of("test"));
    clock.advance(Duration.ofSeconds(61));
    assertThat(sessions.find(s.id())).isEmpty();
  }

  @Test
  void signInLink_worksOnce_andNotAfterAnHour() {
    SignInLinks links = new SignInLinks(clock);
    String token = links.issue(key);
    assertThat(links.redeem(token)).contains(key);
    assertThat(links.redeem(token)).isEmpty();

    String late = links.issue(key);
    clock.advance(SignInLinks.VALID_FOR);
    assertThat(links.redeem(late)).isEmpty();
  }
}
