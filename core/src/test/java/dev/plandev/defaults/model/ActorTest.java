package dev.plandev.defaults.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActorTest {
  @Test
  void newCorrelationId_isARandomVersion4Uuid() {
    UUID id = UUID.fromString(Actor.newCorrelationId());

    assertThat(id.version()).isEqualTo(4);
    assertThat(id.variant()).isEqualTo(2);
  }

  @Test
  void newCorrelationId_isNewEachTime() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(Actor.newCorrelationId());
    }

    assertThat(ids).hasSize(10_000);
  }

  @Test
  void of_givesAFreshCorrelationId() {
    assertThat(Actor.of("ada").correlationId()).isNotEqualTo(Actor.of("ada").correlationId());
  }
}
