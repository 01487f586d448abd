package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.testing.TestClock;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A servlet mounted beside the API (MCP at {@code /mcp} in {@code plandev serve}) passes the same
 * guard as the API: rate limit, security headers, correlation id, metrics and error mapping.
 */
class MountedServletGuardTest {
  @TempDir Path dir;

  /** Answers "ok", or fails on {@code ?fail}: a stand-in for the MCP endpoint. */
  static final class Echo extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      if (req.getParameter("fail") != null) {
        throw new IllegalStateException("boom at /srv/secret/path");
      }
      resp.setContentType("text/plain");
      resp.getWriter().write("ok");
    }
  }

  private ServerFixture start(Map<String, String> settings) {
    return new ServerFixture(dir, settings, Map.of("/mcp", new Echo()));
  }

  @Test
  void rateLimit_appliesToTheMount() {
    // A clock that stands still: the burst of 5 passes, and every request after it is limited.
    try (ServerFixture f =
        new ServerFixture(
            dir,
            Map.of("server.rateLimit", "5", "server.rateBurst", "5"),
            Map.of("/mcp", new Echo()),
            new TestClock())) {
      List<HttpResponse<String>> limited = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        HttpResponse<String> r = f.post("/mcp", f.reader, "{}");
        if (r.statusCode() == 429) {
          limited.add(r);
        }
      }
      assertThat(limited).hasSize(45);
      HttpResponse<String> r = limited.get(0);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(r.headers().firstValue("Retry-After")).isPresent();
      assertThat(f.body(r).get("detail").asText()).contains("server.rateLimit");
      assertThat(f.body(r).get("correlationId").asText())
          .isEqualTo(r.headers().firstValue("X-Correlation-Id").orElseThrow());
    }
  }

  @Test
  void securityHeaders_correlationId_andMetrics_onTheMount() {
    try (ServerFixture f = start(Map.of())) {
      HttpResponse<String> r =
          f.send(f.request("/mcp", f.reader).header("X-Correlation-Id", "agent-42").GET().build());
      assertThat(r.body()).isEqualTo("ok");
      assertThat(r.headers().firstValue("X-Correlation-Id")).contains("agent-42");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
      assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
      assertThat(f.get("/metrics", f.reader).body())
          .containsPattern("http_server_requests_seconds_count\\{.*route=\"/mcp\".*\\} 1");
    }
  }

  @Test
  void failureOfTheMount_isAProblem_withoutItsMessage() {
    try (ServerFixture f = start(Map.of())) {
      HttpResponse<String> r = f.get("/mcp?fail", f.reader);
      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(r.body()).doesNotContain("secret").doesNotContain("Exception");
      assertThat(f.body(r).get("correlationId").asText())
          .isEqualTo(r.headers().firstValue("X-Correlation-Id").orElseThrow());
    }
  }
}
