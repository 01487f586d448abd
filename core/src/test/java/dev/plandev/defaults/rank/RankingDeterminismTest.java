package dev.plandev.defaults.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.testing.SharedData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The same history ranks the same way whatever order the caller's context map iterates in. {@code
 * Map.of} and {@code Map.copyOf} change their order from one JVM to the next, so before the field
 * features were summed in a fixed order, the replay keyed per path moved by an event or two between
 * runs of the same code: here 12,339 of the first 20,000 rankings differed in their confidences.
 */
class RankingDeterminismTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  @Test
  void contextsInReversedFieldOrder_rankBitForBitTheSame() {
    List<ReplayEvent> events =
        ReplayEvaluator.read(SharedData.replay("git-commit-scope.jsonl.gz")).subList(0, 20_000);

    List<String> forward = rankings(events, false);
    List<String> backward = rankings(events, true);

    for (int i = 0; i < forward.size(); i++) {
      assertThat(backward.get(i)).as("ranking of event %d", i).isEqualTo(forward.get(i));
    }
  }

  /**
   * Each event's top 3 with their exact confidences, ranked before the event is learned, keyed per
   * path (thousands of thin keys) and with the context's fields in name order or reversed.
   */
  private static List<String> rankings(List<ReplayEvent> events, boolean reversed) {
    Ranker ranker = Ranker.create(RankerConfig.defaults(), Clock.fixed(T0, ZoneOffset.UTC));
    List<String> rankings = new ArrayList<>();
    for (ReplayEvent e : events) {
      List<String> fields = new ArrayList<>(new TreeMap<>(e.context()).keySet());
      if (reversed) {
        Collections.reverse(fields);
      }
      Map<String, String> context = new LinkedHashMap<>();
      fields.forEach(f -> context.put(f, e.context().get(f)));
      String key = e.key() + "." + e.context().get("path");
      StringBuilder line = new StringBuilder();
      for (RankedValue r : ranker.rank(key, context, 3, e.ts())) {
        line.append(r.value())
            .append('=')
            .append(Double.doubleToLongBits(r.confidence()))
            .append(' ');
      }
      rankings.add(line.toString());
      ranker.learn(key, context, e.value(), true, e.ts());
    }
    return rankings;
  }
}
