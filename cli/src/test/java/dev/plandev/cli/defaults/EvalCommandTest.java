package dev.plandev.cli.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plandev.cli.CliRun;
import dev.plandev.cli.CliRun.Result;
import dev.plandev.defaults.testing.Services;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
  private static final List<String> METRIC_KEYS =
      List.of("events", "top1", "top3", "mrr", "coverage", "p50_us", "p99_us");

  /*
   * Six events of one key, ranked by hand (the engine's weights start at zero, so ties keep the
   * order values were first seen, and by event 5 it has learned that "a" wins in src):
   *   1 src a: nothing known yet            -> missed, not covered
   *   2 src a: candidates {a}               -> rank 1
   *   3 doc b: candidates {a}               -> missed, not covered
   *   4 src a: {a, b}, a used twice in src  -> rank 1
   *   5 src b: {a, b}, a used 3x in src     -> rank 2 (covered, in the top 3)
   *   6 doc c: c never seen                 -> missed, not covered
   * top1 2/6, top3 3/6, mrr (1 + 1 + 1/2)/6, coverage 3/6.
   * The most-recent rule ranks [a], [a], [b, a], [a, b], [b, a]: top1 1/6, top3 3/6,
   * mrr (1 + 1/2 + 1/2)/6, coverage 3/6.
   */
  private static final String SIX_EVENTS =
      line(1, "src", "a")
          + line(2, "src", "a")
          + line(3, "doc", "b")
          + line(4, "src", "a")
          + line(5, "src", "b")
          + line(6, "doc", "c");

  @TempDir Path dir;

  private final ObjectMapper json = new ObjectMapper();

  private static String line(int day, String folder, String value) {
    return String.format(
        "{\"ts\": \"2024-01-%02dT10:00:00Z\", \"key\": \"commit.scope\","
            + " \"context\": {\"dir\": \"%s\"}, \"value\": \"%s\"}%n",
        day, folder, value);
  }

  private Result eval(String... args) {
    List<String> all = new ArrayList<>(List.of("defaults", "eval"));
    all.addAll(List.of(args));
    return new CliRun(dir).run(all.toArray(new String[0]));
  }

  private Path replay(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    if (name.endsWith(".gz")) {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
    } else {
      Files.writeString(file, content);
    }
    return file;
  }

  private static void assertMetrics(
      JsonNode n, int events, double top1, double top3, double mrr, double coverage) {
    assertThat(n.get("events").asInt()).isEqualTo(events);
    assertThat(n.get("top1").asDouble()).isCloseTo(top1, within(1e-4));
    assertThat(n.get("top3").asDouble()).isCloseTo(top3, within(1e-4));
    assertThat(n.get("mrr").asDouble()).isCloseTo(mrr, within(1e-4));
    assertThat(n.get("coverage").asDouble()).isCloseTo(coverage, within(1e-4));
    assertThat(n.get("p50_us").asDouble()).isNotNegative();
    assertThat(n.get("p99_us").asDouble()).isGreaterThanOrEqualTo(n.get("p50_us").asDouble());
  }

  @Test
  void json_printsExactlyTheMetricsObject() throws Exception {
    Path file = replay("six.jsonl", SIX_EVENTS);
    Result r = eval("--replay", file.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode n = json.readTree(r.out());
    assertThat(n.fieldNames()).toIterable().containsExactlyElementsOf(METRIC_KEYS);
    assertMetrics(n, 6, 2 / 6.0, 3 / 6.0, 2.5 / 6, 3 / 6.0);
    assertThat(r.out().strip()).startsWith("{").endsWith("}");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void gzippedReplay_givesTheSameMetrics() throws Exception {
    Path file = replay("six.jsonl.gz", SIX_EVENTS);
    Result r = eval("--replay", file.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertMetrics(json.readTree(r.out()), 6, 2 / 6.0, 3 / 6.0, 2.5 / 6, 3 / 6.0);
  }

  @Test
  void baselines_json_keysEachStrategy() throws Exception {
    Path file = replay("six.jsonl", SIX_EVENTS);
    Result r = eval("--replay", file.toString(), "--json", "--baselines");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode n = json.readTree(r.out());
    assertThat(n.fieldNames())
        .toIterable()
        .containsExactly("engine", "most_used_in_context", "most_recent", "field_votes_with_decay");
    assertMetrics(n.get("engine"), 6, 2 / 6.0, 3 / 6.0, 2.5 / 6, 3 / 6.0);
    assertMetrics(n.get("most_recent"), 6, 1 / 6.0, 3 / 6.0, 2 / 6.0, 3 / 6.0);
    assertThat(n.get("field_votes_with_decay").fieldNames())
        .toIterable()
        .containsExactlyElementsOf(METRIC_KEYS);
  }

  @Test
  void withoutJson_printsAReadableSummary() throws Exception {
    Path file = replay("six.jsonl", SIX_EVENTS);
    Result r = eval("--replay", file.toString(), "--baselines");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("6 events")
        .contains("model file untouched")
        .containsPattern("engine +0\\.333 +0\\.500 +0\\.417 +0\\.500")
        .containsPattern("most_recent +0\\.167 +0\\.500 +0\\.333 +0\\.500")
        .contains("ECE");
  }

  @Test
  void report_writesMetricsReliabilityAndPage() throws Exception {
    Path file = replay("six.jsonl", SIX_EVENTS);
    Path out = dir.resolve("out/report");
    Result r = eval("--replay", file.toString(), "--report", out.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(json.readTree(r.out()).fieldNames()).toIterable().hasSize(METRIC_KEYS.size());

    JsonNode metrics = json.readTree(out.resolve("metrics.json").toFile());
    assertThat(metrics.fieldNames()).toIterable().containsExactlyElementsOf(METRIC_KEYS);
    assertMetrics(metrics, 6, 2 / 6.0, 3 / 6.0, 2.5 / 6, 3 / 6.0);
    assertThat(Files.readString(out.resolve("reliability.md")))
        .contains("| bin | count | mean confidence | observed frequency |")
        .containsPattern("\\| \\[0\\.\\d, [01]\\.\\d\\) \\| \\d+ \\|");
    String page = Files.readString(out.resolve("report.html"));
    assertThat(page)
        .startsWith("<!DOCTYPE html>")
        .contains("<svg")
        .contains("<polyline")
        .contains("perfectly calibrated")
        .doesNotContain("http://", "https://")
        .endsWith("</html>\n");
  }

  @Test
  void malformedLine_exits2_namingFileAndLine() throws Exception {
    Path file = replay("bad.jsonl", line(1, "src", "a") + "\n" + line(2, "src", "a") + "{oops\n");
    Result r = eval("--replay", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("plandev: ").contains("line 4").contains(file.toString());
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void missingField_exits2_sayingSo() throws Exception {
    Path file =
        replay("nofield.jsonl", line(1, "src", "a") + "{\"key\": \"k\", \"value\": \"v\"}\n");
    Result r = eval("--replay", file.toString(), "--json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("line 2").contains("missing field").doesNotContain("Exception");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void blankKey_exits2_namingTheLine() throws Exception {
    Path file =
        replay(
            "blank.jsonl",
            line(1, "src", "a") + "\n" + line(2, "src", "a").replace("commit.scope", " "));
    Result r = eval("--replay", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("line 3").contains("blank key");
  }

  @Test
  void missingFile_exits2() {
    Result r = eval("--replay", dir.resolve("absent.jsonl.gz").toString(), "--json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("plandev: --replay: no such file: " + dir.resolve("absent.jsonl.gz") + "\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void emptyFile_exits2() throws Exception {
    Path file = replay("empty.jsonl", "\n\n");
    Result r = eval("--replay", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("holds no events");
  }

  @Test
  void neverTouchesTheModelFile() throws Exception {
    Path file = replay("six.jsonl", SIX_EVENTS);
    Path models = dir.resolve("models");
    Result r = eval("--replay", file.toString(), "-o", "ml.modelPath=" + models, "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(models).doesNotExist();
  }

  @Test
  void help_saysTheModelFileIsUntouched() {
    Result r = eval("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--replay=FILE").contains("--baselines").contains("ml.modelPath");
  }

  /** The shared git.git replay: the engine must beat the best simple rule (DESIGN.md). */
  @Test
  void sharedReplay_beatsFieldVotes() throws Exception {
    Path file = Services.shared().resolve("data/replay/git-commit-scope.jsonl.gz");
    Services.require(Files.isRegularFile(file), "the shared replay " + file + " is absent");
    Result r = eval("--replay", file.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode n = json.readTree(r.out());
    assertThat(n.get("events").asInt()).isEqualTo(44_004);
    assertThat(n.get("top1").asDouble()).isGreaterThan(0.552);
    assertThat(n.get("mrr").asDouble()).isGreaterThan(0.631);
  }
}
