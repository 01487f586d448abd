package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerTokenTest {
  @Test
  void parse_takesTheSecretAfterTheScheme_trimmed() {
    assertThat(BearerToken.parse("Bearer pdk_abc")).contains("pdk_abc");
    assertThat(BearerToken.parse("Bearer   pdk_abc  ")).contains("pdk_abc");
  }

  @Test
  void parse_schemeIgnoresCase() {
    assertThat(BearerToken.parse("bearer pdk_abc")).contains("pdk_abc");
    assertThat(BearerToken.parse("BEARER pdk_abc")).contains("pdk_abc");
  }

  @Test
  void parse_noHeaderOrAnotherScheme_isEmpty() {
    assertThat(BearerToken.parse(null)).isEmpty();
    assertThat(BearerToken.parse("Basic dXNlcjpwYXNz")).isEmpty();
    assertThat(BearerToken.parse("Bearer")).isEmpty();
    assertThat(BearerToken.parse("Bearerpdk_abc")).isEmpty();
  }

  @Test
  void parse_schemeWithNothingAfter_isAnEmptySecret() {
    // An empty secret is then refused as unknown, like any wrong key.
    assertThat(BearerToken.parse("Bearer  ")).contains("");
  }
}
