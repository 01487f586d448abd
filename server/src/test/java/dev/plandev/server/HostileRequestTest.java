package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests crafted to trick the service: each must be refused or ignored, never obeyed. */
class HostileRequestTest {
  @TempDir Path dir;

  @Test
  void methodOverrideHeader_isIgnored_getStaysAGet() {
    try (ServerFixture f = new ServerFixture(dir)) {
      HttpResponse<String> created =
          f.post("/api/v1/defaults", f.editor, "{\"key\":\"db.host\",\"value\":\"x\"}");
      String id = f.body(created).get("id").asText();
      HttpResponse<String> get =
          f.send(
              f.request("/api/v1/defaults/" + id, f.admin)
                  .header("X-HTTP-Method-Override", "DELETE")
                  .GET()
                  .build());
      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(f.body(get).get("key").asText()).isEqualTo("db.host");
      assertThat(f.get("/api/v1/defaults/" + id, f.reader).statusCode()).isEqualTo(200);
    }
  }
}
