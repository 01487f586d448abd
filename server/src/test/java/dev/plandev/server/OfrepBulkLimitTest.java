package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One OFREP bulk request evaluates at most {@link OfrepApi#MAX_BULK_FLAGS} flags. */
class OfrepBulkLimitTest {
  @TempDir Path dir;

  @Test
  void bulkOverTheLimit_isA400_thatSaysWhatToDo() {
    try (ServerFixture f = new ServerFixture(dir)) {
      create(f, 0, OfrepApi.MAX_BULK_FLAGS);
      HttpResponse<String> atLimit = f.post(OfrepApi.BASE, f.reader, "{\"context\":{}}");
      assertThat(atLimit.statusCode()).isEqualTo(200);
      assertThat(f.body(atLimit).get("flags").size()).isEqualTo(OfrepApi.MAX_BULK_FLAGS);
      create(f, OfrepApi.MAX_BULK_FLAGS, 1);
      HttpResponse<String> over = f.post(OfrepApi.BASE, f.reader, "{\"context\":{}}");
      assertThat(over.statusCode()).isEqualTo(400);
      assertThat(f.body(over).get("errorDetails").asText())
          .contains(Integer.toString(OfrepApi.MAX_BULK_FLAGS))
          .contains("/ofrep/v1/evaluate/flags/{key}");
      assertThat(over.body().length()).isLessThan(1000);
    }
  }

  private static void create(ServerFixture f, int from, int count) {
    String items =
        IntStream.range(from, from + count)
            .mapToObj(i -> "{\"key\":\"flag." + i + "\",\"value\":true}")
            .collect(Collectors.joining(","));
    HttpResponse<String> r =
        f.post("/api/v1/defaults/batch", f.editor, "{\"items\":[" + items + "]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }
}
