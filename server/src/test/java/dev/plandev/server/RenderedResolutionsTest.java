package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderedResolutionsTest {
  @TempDir Path dir;

  @Test
  void rendersOncePerAnswerTheEngineHolds_andAgainAfterAWrite() {
    AtomicInteger renders = new AtomicInteger();
    RenderedResolutions rendered =
        new RenderedResolutions(
            r -> {
              renders.incrementAndGet();
              return new Etags.Tagged(
                  r.entry().value().getBytes(), "\"" + r.entry().value() + "\"");
            });
    try (SmartDefaults defaults =
        SmartDefaults.open(
            PlandevConfig.defaults().withDataDir(dir.toString()), Clock.systemUTC())) {
      Context prod = Context.of("env", "prod");
      defaults.store().put(DefaultSpec.of("db.host", "a").withContext(prod), Actor.of("t"));

      Etags.Tagged first = rendered.of(defaults.resolve("db.host", prod));
      Etags.Tagged second = rendered.of(defaults.resolve("db.host", prod));
      assertThat(second).isSameAs(first);
      assertThat(renders).hasValue(1);

      defaults.store().put(DefaultSpec.of("db.host", "b").withContext(prod), Actor.of("t"));
      assertThat(rendered.of(defaults.resolve("db.host", prod)).etag()).isEqualTo("\"b\"");
      assertThat(renders).hasValue(2);
    }
  }

  @Test
  void noDefault_isNull() {
    RenderedResolutions rendered = new RenderedResolutions(r -> new Etags.Tagged(new byte[0], ""));
    assertThat(rendered.of(Optional.empty())).isNull();
  }
}
