package dev.plandev.defaults.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayEvaluatorTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Map<String, String> CONTEXT = Map.of("dir", "src");

  @TempDir Path dir;

  private static ReplayEvent event(int i, String value) {
    return new ReplayEvent(T0.plusSeconds(i), "k", CONTEXT, value);
  }

  private static Ranker ranker() {
    return Ranker.create(RankerConfig.defaults(), Clock.systemUTC());
  }

  @Test
  void evaluate_neverKnowsTheValueBeforeItsEvent() {
    List<ReplayEvent> events = List.of(event(0, "a"), event(1, "b"), event(2, "c"), event(3, "d"));
    ReplayReport report = ReplayEvaluator.evaluate(events, ranker());
    assertThat(report.events()).isEqualTo(4);
    assertThat(report.top1()).isZero();
    assertThat(report.mrr()).isZero();
    assertThat(report.coverage()).isZero();
  }

  @Test
  void evaluate_scoresEachEventBeforeLearningIt() {
    List<ReplayEvent> events = List.of(event(0, "x"), event(1, "x"), event(2, "y"), event(3, "x"));
    ReplayReport report = ReplayEvaluator.evaluate(events, Baseline.MOST_RECENT);
    assertThat(report.top1()).isEqualTo(0.25);
    assertThat(report.top3()).isEqualTo(0.5);
    assertThat(report.mrr()).isCloseTo((1 + 0.5) / 4, within(1e-12));
    assertThat(report.coverage()).isEqualTo(0.5);
    assertThat(report.reliability()).isEmpty();
  }

  @Test
  void evaluate_aRange_learnsEarlierEventsButScoresOnlyTheRange() {
    List<ReplayEvent> events = List.of(event(0, "x"), event(1, "x"), event(2, "x"), event(3, "x"));
    ReplayReport report = ReplayEvaluator.evaluate(events, ranker(), 2, 4);
    assertThat(report.events()).isEqualTo(2);
    assertThat(report.top1()).isEqualTo(1.0);
    // Only the two scored events, in whatever bins their growing evidence puts them.
    assertThat(report.reliability().stream().mapToInt(ReplayReport.ReliabilityBin::count).sum())
        .isEqualTo(2);
    assertThatThrownBy(() -> ReplayEvaluator.evaluate(events, ranker(), 3, 9))
        .hasMessageContaining("[3, 9) is outside the 4 events");
  }

  @Test
  void read_plainAndGzippedJsonLines() throws IOException {
    String lines =
        "{\"ts\": \"2024-01-01T00:00:00Z\", \"key\": \"k\", \"context\": {\"dir\": \"src\"},"
            + " \"value\": \"x\"}\n\n"
            + "{\"ts\": \"2024-01-01T00:01:00Z\", \"key\": \"k\", \"context\": {}, \"value\": \"y\"}\n";
    Path plain = dir.resolve("r.jsonl");
    Files.writeString(plain, lines);
    Path gz = dir.resolve("r.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(lines.getBytes(StandardCharsets.UTF_8));
    }
    List<ReplayEvent> expected =
        List.of(
            new ReplayEvent(T0, "k", Map.of("dir", "src"), "x"),
            new ReplayEvent(T0.plusSeconds(60), "k", Map.of(), "y"));
    assertThat(ReplayEvaluator.read(plain)).isEqualTo(expected);
    assertThat(ReplayEvaluator.read(gz)).isEqualTo(expected);
  }

  @Test
  void read_aBadLine_namesItsNumber() throws IOException {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(
        file, "{\"ts\": \"2024-01-01T00:00:00Z\", \"key\": \"k\", \"value\": \"x\"}\n{");
    assertThatThrownBy(() -> ReplayEvaluator.read(file))
        .isInstanceOf(RankingException.class)
        .hasMessageContaining("bad replay line 2 of " + file);
  }
}
