package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.DefaultSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13: a 500 tells the client where to look (the correlation id), never what failed. */
class InternalErrorTest {
  @TempDir Path dir;

  @Test
  void secretWhoseKeyFileIsGone_is500_withoutThePathOrTheMessage() throws Exception {
    long id;
    try (SmartDefaults seeded =
        SmartDefaults.open(
            PlandevConfig.defaults().withDataDir(dir.toString()), Clock.systemUTC())) {
      id =
          seeded
              .store()
              .create(DefaultSpec.of("db.pass", "s3cret").withSecret(true), Actor.of("t"))
              .id();
    }
    // The store can no longer decrypt the value: its read fails inside the service.
    Files.delete(dir.resolve("secret.key"));
    try (ServerFixture f = new ServerFixture(dir, Map.of())) {
      var r =
          f.send(
              f.request("/api/v1/defaults/" + id, f.reader)
                  .header("X-Correlation-Id", "trace-500")
                  .GET()
                  .build());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(500);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(f.body(r).get("detail").asText())
          .isEqualTo(
              "an internal error occurred; see the service log under correlation id trace-500");
      assertThat(r.body()).doesNotContain(dir.toString()).doesNotContain("key file");
    }
  }
}
