package dev.plandev.defaults.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a write's notices say: keys packed into payloads PostgreSQL accepts, on a valid channel. */
class WriteNoticesTest {
  @Test
  void manyLongKeys_arePackedIntoPayloadsUnderTheLimit_noneLost() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      keys.add("k".repeat(120) + i); // keys go up to 128 characters
    }
    List<String> payloads = WriteNotices.payloads(keys);
    assertThat(payloads).hasSizeGreaterThan(1);
    assertThat(payloads).allSatisfy(p -> assertThat(p.length()).isLessThan(8000));
    assertThat(payloads.stream().flatMap(p -> Arrays.stream(p.split(" "))))
        .containsExactlyElementsOf(keys);
  }

  @Test
  void channel_isPerSchema_andFitsAnIdentifier() {
    assertThat(WriteNotices.channel("public")).isEqualTo("plandev:public");
    String longSchema = "s".repeat(63);
    assertThat(WriteNotices.channel(longSchema))
        .hasSizeLessThanOrEqualTo(63)
        .isNotEqualTo(WriteNotices.channel("s".repeat(62) + "t"));
  }
}
