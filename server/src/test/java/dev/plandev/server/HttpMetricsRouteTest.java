package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code route} label of the HTTP meters stays a small fixed set whatever paths clients send: a
 * route template, or {@code unmatched} for a path the service has no route for.
 */
class HttpMetricsRouteTest {
  private static final Pattern SERIES =
      Pattern.compile("^http_server_requests_seconds_count\\{(.*)\\} \\S+$", Pattern.MULTILINE);
  private static final Pattern ROUTE = Pattern.compile("route=\"([^\"]*)\"");
  private static final Pattern STATUS = Pattern.compile("status=\"([^\"]*)\"");

  @TempDir Path dir;

  @Test
  void unknownPaths_areCountedUnderOneUnmatchedRoute() {
    try (ServerFixture f = new ServerFixture(dir)) {
      assertThat(f.get("/no/such/page", null).statusCode()).isEqualTo(404);
      assertThat(f.get("/api/v1/no-such-resource", f.reader).statusCode()).isEqualTo(404);
      assertThat(f.get("/api/v2/defaults/" + "x".repeat(40), f.reader).statusCode()).isEqualTo(404);
      assertThat(f.get("/api/v1/defaults/999", f.reader).statusCode()).isEqualTo(404);

      String metrics = f.get("/metrics", f.reader).body();
      Set<String> notFoundRoutes = new TreeSet<>();
      Set<String> allRoutes = new TreeSet<>();
      Matcher series = SERIES.matcher(metrics);
      while (series.find()) {
        String labels = series.group(1);
        Matcher route = ROUTE.matcher(labels);
        Matcher status = STATUS.matcher(labels);
        assertThat(route.find() && status.find()).as(labels).isTrue();
        allRoutes.add(route.group(1));
        if (status.group(1).equals("404")) {
          notFoundRoutes.add(route.group(1));
        }
      }
      assertThat(notFoundRoutes)
          .as("a missing entry keeps its template; paths with no route share one label")
          .containsExactlyInAnyOrder("/api/v1/defaults/{id}", "unmatched");
      assertThat(allRoutes).allSatisfy(r -> assertThat(r).matches("unmatched|/[A-Za-z0-9/{}._-]*"));
    }
  }
}
