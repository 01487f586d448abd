package dev.plandev.server.web;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.Prediction;
import dev.plandev.defaults.model.UsageEvent;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Learning page: for a key, the engine's ranked candidates in a context with their confidence
 * and the features behind each rank, then what the recorded feedback says ({@link
 * LearningFigures}): choices per day, accuracy of the suggestions per day, and calibration. Charts
 * are SVG rendered by the {@code chart} template, each with a table of its figures.
 */
final class LearningPage {
  /** Usage events scanned at most to list the keys that have some. */
  private static final int KEY_SCAN = 100_000;

  private static final int CANDIDATES = 10;

  private final SmartDefaults defaults;
  private final Pages pages;
  private final Clock clock;

  LearningPage(SmartDefaults defaults, Pages pages, Clock clock) {
    this.defaults = defaults;
    this.pages = pages;
    this.clock = clock;
  }

  void register(Javalin app) {
    app.get("/learning", this::show);
  }

  /** A ranked candidate as listed. */
  record Candidate(
      int rank,
      String value,
      String confidence,
      boolean confident,
      String reason,
      List<String> features) {}

  /** A key with recorded feedback and how much. */
  record LearnedKey(String key, long events) {}

  private void show(io.javalin.http.Context ctx) {
    KeyQuery query = KeyQuery.of(ctx);
    String key = query.key;
    Map<String, Object> model = query.model();
    model.put("keys", learnedKeys());
    if (key.isEmpty()) {
      pages.send(ctx, 200, "learning", model);
      return;
    }
    Context context;
    List<Prediction> ranked;
    try {
      context = query.context();
      ranked = defaults.predict(key, context, CANDIDATES);
    } catch (InvalidInputException e) {
      query.refused(e);
      pages.send(ctx, 422, "learning", model);
      return;
    }
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      Prediction p = ranked.get(i);
      candidates.add(
          new Candidate(
              i + 1,
              p.value(),
              String.format(Locale.ROOT, "%.2f", p.confidence()),
              p.confident(),
              p.reason(),
              features(p.contributions())));
    }
    model.put("candidates", candidates);
    model.put("request", ContextText.format(context));
    model.put("threshold", defaults.config().ml().threshold());
    LearningFigures figures =
        LearningFigures.of(defaults.store(), key, defaults.config().ml().threshold(), clock);
    model.put("events", figures.events);
    model.put("truncated", figures.truncated);
    model.put("days", figures.days);
    if (!figures.days.isEmpty()) {
      model.put("usageChart", figures.usageChart());
      model.put("accuracyChart", figures.accuracyChart());
    }
    if (figures.replay != null) {
      model.put("replayed", figures.replayed);
      model.put("replay", figures.replayFigures());
      model.put("bins", figures.bins());
      model.put("calibrationChart", figures.calibrationChart());
    }
    pages.send(ctx, 200, "learning", model);
  }

  /** The features behind a rank, the heaviest first: {@code usage_count +0.42}. */
  private static List<String> features(Map<String, Double> contributions) {
    return contributions.entrySet().stream()
        .sorted(
            Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue())))
        .map(e -> String.format(Locale.ROOT, "%s %+.2f", e.getKey(), e.getValue()))
        .toList();
  }

  /** Keys with recorded feedback, the most used first (from the first events recorded). */
  private List<LearnedKey> learnedKeys() {
    Map<String, Long> counts = new TreeMap<>();
    long after = 0;
    int read = 0;
    List<UsageEvent> page;
    do {
      page = defaults.store().usageEvents(null, after, 5_000);
      for (UsageEvent e : page) {
        after = e.id();
        counts.merge(e.key(), 1L, Long::sum);
      }
      read += page.size();
    } while (page.size() == 5_000 && read < KEY_SCAN);
    return counts.entrySet().stream()
        .map(e -> new LearnedKey(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(LearnedKey::events).reversed())
        .limit(100)
        .toList();
  }
}
