package dev.plandev.cli.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.rank.Baseline;
import dev.plandev.defaults.rank.ReplayEvaluator;
import dev.plandev.defaults.rank.ReplayEvent;
import dev.plandev.defaults.rank.ReplayReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalReportTest {
  private static final String HOSTILE = "<script>alert('x')</script>";

  private static ReplayReport report() {
    List<ReplayEvent> events =
        List.of(
            event(1, "a"),
            event(2, "a"),
            event(3, "b"),
            event(4, "a"),
            event(5, "b"),
            event(6, "a"));
    return ReplayEvaluator.evaluate(events, Baseline.MOST_RECENT);
  }

  private static ReplayEvent event(int day, String value) {
    return new ReplayEvent(
        Instant.parse(String.format("2024-01-%02dT10:00:00Z", day)),
        "commit.scope",
        Map.of("dir", "src"),
        value);
  }

  @Test
  void html_escapesStrategyNamesAndPaths() {
    Map<String, ReplayReport> reports = new LinkedHashMap<>();
    reports.put(EvalCommand.ENGINE, report());
    reports.put(HOSTILE, report());

    String page = EvalReport.html(Path.of("/tmp/" + HOSTILE + ".jsonl"), reports, 1.5);

    assertThat(page)
        .doesNotContain("<script")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;")
        .startsWith("<!DOCTYPE html>")
        .endsWith("</html>\n");
  }

  @Test
  void html_showsEveryFigureOfTheReport() {
    ReplayReport engine = report();
    Map<String, ReplayReport> reports = new LinkedHashMap<>();
    reports.put(EvalCommand.ENGINE, engine);
    reports.put("most_recent", report());

    String page = EvalReport.html(Path.of("six.jsonl"), reports, 1.5);

    assertThat(page)
        .contains("<title>Replay evaluation: six.jsonl</title>")
        .contains("six.jsonl &middot; 6 events up to 2024-01-06 &middot; engine replay 1.5 s")
        .contains(
            String.format(
                java.util.Locale.ROOT,
                "<tr class=\"engine\"><td>engine</td><td>%.3f</td><td>%.3f</td><td>%.3f</td>",
                engine.top1(),
                engine.top3(),
                engine.mrr()))
        .contains("<tr><td>most recent</td>")
        .contains("dashed lines: the same for the simple rules it must beat")
        .contains("<polyline points=\"")
        .contains("perfectly calibrated")
        .contains(
            String.format(
                java.util.Locale.ROOT,
                "Expected calibration error %.3f.",
                engine.expectedCalibrationError()));
  }
}
