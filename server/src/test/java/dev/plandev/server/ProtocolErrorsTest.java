package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: what Jetty refuses before any route sees it (a malformed request line, a URL or headers
 * over the limit, a broken escape in the query) is answered as problem+json like every other
 * failure, with a correlation id and no HTML; so is an error Jetty dispatches itself (the 503 of a
 * request that arrives while the service stops). Written on raw sockets: an HTTP client refuses to
 * send these requests.
 */
class ProtocolErrorsTest {
  @TempDir static Path dir;
  static ServerFixture f;

  @BeforeAll
  static void start() {
    f =
        new ServerFixture(
            dir, Map.of("server.maxHeaderBytes", "4096"), Map.of("/refusing", new Refusing()));
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  /**
   * Answers with {@code sendError(status)}, as Jetty's StatisticsHandler declines a request that
   * arrives while the service stops (503): the error Jetty then renders is dispatched like this
   * one.
   */
  static final class Refusing extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
      res.sendError(Integer.parseInt(req.getParameter("status")));
    }
  }

  @Test
  void errorDispatchedByJetty_isProblem_503And404() {
    for (int status : new int[] {503, 404}) {
      RawResponse r = send("GET /refusing?status=" + status + " HTTP/1.1\r\n");
      assertProblem(r, status);
      if (status == 503) {
        assertThat(r.text()).contains("stopping");
      }
    }
  }

  private static RawResponse send(String requestLineAndHeaders) {
    return RawResponse.send(
        f.server.port(), requestLineAndHeaders + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n");
  }

  @Test
  void malformedRequestLine_is400Problem() {
    assertProblem(send("GET /api/v1/defaults HTTP/1.1 extra\r\n"), 400);
    assertProblem(send("GET /api/v1/\u0001defaults HTTP/1.1\r\n"), 400);
  }

  /** Jetty drops a path's {@code ;} parameters unchecked; Javalin decoded them and failed (500). */
  @Test
  void brokenEscapeInAPathParameter_is400Problem_notAServerError() {
    for (String path :
        new String[] {"/api/v1/defaults/;C$%9o$q/;@8W", "/api/v1/defaults/x;a=%zz", "/health;%"}) {
      for (String method : new String[] {"GET", "DELETE", "PUT"}) {
        assertProblem(send(method + " " + path + " HTTP/1.1\r\n"), 400);
      }
    }
  }

  @Test
  void malformedHeader_is400Problem() {
    assertProblem(send("GET /health HTTP/1.1\r\nBad Header Name: x\r\n"), 400);
  }

  @Test
  void uriOverTheLimit_is414Problem_namingTheSetting() {
    RawResponse r = send("GET /api/v1/defaults?key=" + "a".repeat(5_000) + " HTTP/1.1\r\n");
    assertProblem(r, 414);
    assertThat(r.text()).contains("server.maxHeaderBytes");
  }

  @Test
  void headersOverTheLimit_are431Problem_namingTheSetting() {
    RawResponse r = send("GET /health HTTP/1.1\r\nX-Pad: " + "p".repeat(5_000) + "\r\n");
    assertProblem(r, 431);
    assertThat(r.text()).contains("server.maxHeaderBytes");
  }

  @Test
  void brokenEscapeInTheQuery_is400Problem_notAServerError() {
    for (String query :
        new String[] {"filter[context.env]=%zz", "filter[keyPrefix]=%", "key=a&context[env]=%g1"}) {
      RawResponse list = RawResponse.get(f.server.port(), "/api/v1/defaults?" + query, f.reader);
      assertProblem(list, 400);
      assertThat(list.text()).contains("%25");
      RawResponse resolve =
          RawResponse.get(f.server.port(), "/api/v1/defaults/resolve?" + query, f.reader);
      assertProblem(resolve, 400);
    }
  }

  private static void assertProblem(RawResponse r, int status) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.text())
        .containsIgnoringCase("content-type: application/problem+json")
        .containsIgnoringCase("x-correlation-id: ")
        .contains("\"correlationId\"")
        .contains("\"status\":" + status)
        .doesNotContain("<h1>")
        .doesNotContain("Exception")
        .doesNotContain("org.eclipse");
  }
}
