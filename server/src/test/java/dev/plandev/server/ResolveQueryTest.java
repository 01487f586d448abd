package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.model.Context;
import org.junit.jupiter.api.Test;

class ResolveQueryTest {
  @Test
  void keyAndContextFields_decodedOnlyWhenEscaped() {
    ResolveQuery q =
        ResolveQuery.parse("key=db.host&context[env]=prod&context%5Bteam%5D=r%26d+ops&context[x]=");
    assertThat(q.key()).isEqualTo("db.host");
    assertThat(q.context()).isEqualTo(Context.of("env", "prod", "team", "r&d ops", "x", ""));
  }

  @Test
  void firstValueOfARepeatedName_wins_andEmptyPartsAreSkipped() {
    ResolveQuery q = ResolveQuery.parse("&key=a&&key=b&context[env]=dev&context[env]=prod&");
    assertThat(q.key()).isEqualTo("a");
    assertThat(q.context()).isEqualTo(Context.of("env", "dev"));
  }

  @Test
  void missingOrBlankKey_is422() {
    for (String query : new String[] {null, "", "context[env]=prod", "key=", "key"}) {
      assertThatThrownBy(() -> ResolveQuery.parse(query))
          .isInstanceOfSatisfying(HttpProblem.class, e -> assertThat(e.status).isEqualTo(422))
          .hasMessageContaining("?key=db.host");
    }
  }

  @Test
  void unknownNamesAndBadEscapes_are400WithWhatToSend() {
    assertThatThrownBy(() -> ResolveQuery.parse("key=a&env=prod"))
        .isInstanceOfSatisfying(HttpProblem.class, e -> assertThat(e.status).isEqualTo(400))
        .hasMessageContaining("unknown query parameter 'env'")
        .hasMessageContaining("context[FIELD]=VALUE");
    assertThatThrownBy(() -> ResolveQuery.parse("key=a&context[]=x"))
        .hasMessageContaining("unknown query parameter 'context[]'");
    assertThatThrownBy(() -> ResolveQuery.parse("key=50%"))
        .isInstanceOfSatisfying(HttpProblem.class, e -> assertThat(e.status).isEqualTo(400))
        .hasMessageContaining("malformed %-escape in '50%'")
        .hasMessageContaining("%25");
  }
}
