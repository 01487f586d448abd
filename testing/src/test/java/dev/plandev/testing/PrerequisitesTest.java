package dev.plandev.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrerequisitesTest {
  @Test
  void inCi_whenCiIsSetToAnythingButFalse() {
    assertThat(Prerequisites.inCi(Map.of("CI", "true"))).isTrue();
    assertThat(Prerequisites.inCi(Map.of("CI", "1"))).isTrue();
    assertThat(Prerequisites.inCi(Map.of("CI", "yes"))).isTrue();
  }

  @Test
  void notInCi_whenCiIsAbsentBlankOrFalse() {
    assertThat(Prerequisites.inCi(Map.of())).isFalse();
    assertThat(Prerequisites.inCi(Map.of("CI", ""))).isFalse();
    assertThat(Prerequisites.inCi(Map.of("CI", " "))).isFalse();
    assertThat(Prerequisites.inCi(Map.of("CI", "false"))).isFalse();
    assertThat(Prerequisites.inCi(Map.of("CI", "FALSE"))).isFalse();
    assertThat(Prerequisites.inCi(Map.of("CI", "0"))).isFalse();
  }
}
