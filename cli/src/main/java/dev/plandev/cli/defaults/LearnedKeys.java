package dev.plandev.cli.defaults;

import dev.plandev.defaults.model.DefaultsStore;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.model.UsageEvent;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the engine learned per key, summed from the usage events it learns from: how many choices
 * and turned-down suggestions each key has, and its most chosen values with their counts and the
 * day each was last chosen. Prompt answers of {@code plandev new} are keys {@code
 * plan.TEMPLATE.PROMPT}.
 */
final class LearnedKeys {
  static final int TOP_VALUES = 3;
  private static final int PAGE = 1000;

  /** One key's summary. */
  record Learned(String key, long chosen, long turnedDown, List<ValueUse> top) {}

  /** One value of a key: times chosen (typed or accepted) and when last. */
  record ValueUse(String value, long chosen, Instant lastChosen) {}

  private LearnedKeys() {}

  /** The summary of every key starting with {@code prefix} (all when null), by key. */
  static List<Learned> read(DefaultsStore store, String prefix) {
    Map<String, Map<String, ValueUse>> values = new TreeMap<>();
    Map<String, Long> turnedDown = new TreeMap<>();
    long after = 0;
    List<UsageEvent> page;
    do {
      page = store.usageEvents(null, after, PAGE);
      for (UsageEvent e : page) {
        after = e.id();
        if (prefix != null && !e.key().startsWith(prefix)) {
          continue;
        }
        Map<String, ValueUse> byValue = values.computeIfAbsent(e.key(), k -> new TreeMap<>());
        if (e.outcome() == Outcome.REJECTED) {
          turnedDown.merge(e.key(), 1L, Long::sum);
          continue;
        }
        byValue.merge(
            e.value(),
            new ValueUse(e.value(), 1, e.at()),
            (a, b) ->
                new ValueUse(
                    a.value(),
                    a.chosen() + 1,
                    a.lastChosen().isAfter(b.lastChosen()) ? a.lastChosen() : b.lastChosen()));
      }
    } while (page.size() == PAGE);
    List<Learned> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, ValueUse>> k : values.entrySet()) {
      List<ValueUse> uses = new ArrayList<>(k.getValue().values());
      long chosen = uses.stream().mapToLong(ValueUse::chosen).sum();
      uses.sort(
          Comparator.comparingLong(ValueUse::chosen)
              .reversed()
              .thenComparing(ValueUse::lastChosen, Comparator.reverseOrder()));
      out.add(
          new Learned(
              k.getKey(),
              chosen,
              turnedDown.getOrDefault(k.getKey(), 0L),
              List.copyOf(uses.subList(0, Math.min(TOP_VALUES, uses.size())))));
    }
    return out;
  }

  /** The summaries as a table, then the legend of its columns and marks. */
  static void print(List<Learned> keys, PrintWriter out) {
    if (keys.isEmpty()) {
      out.println(
          "nothing learned yet: answers to plandev new prompts and defaults feedback teach the"
              + " engine");
      return;
    }
    int width = Math.max(3, keys.stream().mapToInt(k -> k.key().length()).max().orElse(3));
    out.printf("%-" + width + "s  %6s  %6s  %s%n", "KEY", "CHOSEN", "NO", "TOP VALUES");
    for (Learned k : keys) {
      List<String> tops = new ArrayList<>();
      for (ValueUse v : k.top()) {
        tops.add(
            v.value()
                + " ×"
                + v.chosen()
                + " ("
                + v.lastChosen().atZone(ZoneOffset.UTC).toLocalDate()
                + ")");
      }
      out.printf(
          "%-" + width + "s  %6d  %6d  %s%n",
          k.key(),
          k.chosen(),
          k.turnedDown(),
          String.join(", ", tops));
    }
    out.println();
    out.println("CHOSEN: answers recorded for the key (typed, picked or accepted suggestions)");
    out.println("NO: suggestions turned down");
    out.println(
        "TOP VALUES: the "
            + TOP_VALUES
            + " values chosen most, ×times chosen (day last chosen, UTC)");
    out.println("prompt answers of plandev new are learned as plan.TEMPLATE.PROMPT");
  }
}
