package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document and the served routes describe the same API, route for route. */
class OpenApiTest {
  @TempDir Path dir;

  @Test
  void everyRouteIsDocumented_andEveryDocumentedRouteIsServed() {
    Set<String> served = new TreeSet<>();
    try (ServerFixture f = new ServerFixture(dir)) {
      f.server.routes().forEach(r -> served.add(r.method() + " " + r.path()));
    }
    Set<String> documented = new TreeSet<>();
    JsonNode paths = Docs.openapi().get("paths");
    paths
        .fieldNames()
        .forEachRemaining(
            p ->
                paths
                    .get(p)
                    .fieldNames()
                    .forEachRemaining(
                        m -> {
                          if (!m.equals("parameters")) {
                            documented.add(m + " " + p);
                          }
                        }));
    assertThat(served).isEqualTo(documented);
  }

  @Test
  void openRoutesAreExactlyThoseDocumentedWithoutSecurity() {
    Set<String> open = new TreeSet<>();
    try (ServerFixture f = new ServerFixture(dir)) {
      f.server.routes().stream()
          .filter(r -> r.access() == Access.OPEN)
          .forEach(r -> open.add(r.method() + " " + r.path()));
    }
    Set<String> documentedOpen = new TreeSet<>();
    JsonNode paths = Docs.openapi().get("paths");
    paths
        .fieldNames()
        .forEachRemaining(
            p ->
                paths
                    .get(p)
                    .fields()
                    .forEachRemaining(
                        m -> {
                          JsonNode sec = m.getValue().get("security");
                          if (sec != null && sec.isArray() && sec.isEmpty()) {
                            documentedOpen.add(m.getKey() + " " + p);
                          }
                        }));
    assertThat(open).isEqualTo(documentedOpen);
  }
}
