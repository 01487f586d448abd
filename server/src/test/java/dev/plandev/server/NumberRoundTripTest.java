package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: numbers keep every digit through the API. A value read as a double would come back as
 * its nearest double (3.141592653589793 for more digits, 1.1 for 1.10).
 */
class NumberRoundTripTest {
  /** The test's own reader of exact numbers, whatever the service's mapper does. */
  private static final ObjectMapper EXACT =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  @TempDir Path dir;

  @Test
  void putThenGet_returnsTheNumbersExactlyAsSent() {
    String[] values = {
      "0.1",
      "12345678901234567890",
      "12345678901234567890.5",
      "3.14159265358979323846264338327950288",
      "1.10",
      "-0.000000000000000000000000000001",
      "{\"price\":0.1,\"big\":1.0000000000000000001,\"id\":98765432109876543210}"
    };
    try (ServerFixture f = new ServerFixture(dir)) {
      for (int i = 0; i < values.length; i++) {
        String key = "n" + i;
        HttpResponse<String> created =
            f.post("/api/v1/defaults", f.editor, "{\"key\":\"" + key + "\",\"value\":\"x\"}");
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> put =
            f.send(
                f.request(location, f.editor)
                    .header("Content-Type", "application/json")
                    .header("If-Match", created.headers().firstValue("ETag").orElseThrow())
                    .PUT(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"key\":\"" + key + "\",\"value\":" + values[i] + "}"))
                    .build());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        // Compared as BigDecimals with their scale: -1E-30 is -0.000…001, but 1.1 is not 1.10.
        JsonNode read = exact(f.get(location, f.reader).body()).get("value");
        assertThat(read).as(values[i]).isEqualTo(exact(values[i]));
      }
    }
  }

  private static JsonNode exact(String json) {
    try {
      return EXACT.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void hugeExponent_isRefusedAsOutOfRange_notReadAsInfinity() {
    try (ServerFixture f = new ServerFixture(dir)) {
      HttpResponse<String> r =
          f.post("/api/v1/defaults", f.editor, "{\"key\":\"huge\",\"value\":1e999999999}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
      assertThat(r.body()).contains("out of range").doesNotContain("Infinity");
    }
  }
}
