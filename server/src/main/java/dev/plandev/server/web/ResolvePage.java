package dev.plandev.server.web;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.ListQuery;
import dev.plandev.defaults.model.Page;
import dev.plandev.defaults.model.Resolution;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The resolve explorer, the configuration hierarchy made visible: for a key and a request context,
 * every entry of the key and why it does or does not answer. The winner is the store's own answer
 * ({@link SmartDefaults#resolve}); the others are listed in the store's order of preference (most
 * matching fields, then confidence, then the latest update), each with the reason it lost.
 */
final class ResolvePage {
  /** Entries of one key read at most; a key with more is listed in part, and the page says so. */
  static final int MAX_ENTRIES = ListQuery.MAX_LIMIT;

  private final SmartDefaults defaults;
  private final Pages pages;
  private final Clock clock;

  ResolvePage(SmartDefaults defaults, Pages pages, Clock clock) {
    this.defaults = defaults;
    this.pages = pages;
    this.clock = clock;
  }

  void register(Javalin app) {
    app.get("/resolve", this::explore);
  }

  /** One entry of the key and its part in the answer. */
  record Candidate(
      EntryView entry, boolean winner, boolean applies, int matched, String why, boolean struck) {}

  private void explore(io.javalin.http.Context ctx) {
    KeyQuery query = KeyQuery.of(ctx);
    String key = query.key;
    Map<String, Object> model = query.model();
    if (key.isEmpty()) {
      model.put("keys", knownKeys());
      pages.send(ctx, 200, "resolve", model);
      return;
    }
    Context request;
    Optional<Resolution> answer;
    try {
      request = query.context();
      answer = defaults.resolve(key, request);
    } catch (InvalidInputException e) {
      query.refused(e);
      model.put("keys", knownKeys());
      pages.send(ctx, 422, "resolve", model);
      return;
    }
    // Sorted by key, the key's own entries come before the longer keys it is a prefix of.
    Page<DefaultEntry> all =
        defaults
            .store()
            .list(ListQuery.all().withKeyPrefix(key).withPage(1, MAX_ENTRIES).withSort("key:asc"));
    List<DefaultEntry> entries = all.items().stream().filter(e -> e.key().equals(key)).toList();
    boolean partial = all.hasNext() && entries.size() == all.items().size();
    DefaultEntry winner = answer.map(Resolution::entry).orElse(null);
    Instant now = clock.instant();
    List<Candidate> rows = new ArrayList<>();
    for (DefaultEntry e : sorted(entries)) {
      rows.add(candidate(e, request, winner, now));
    }
    rows.sort(Comparator.comparing((Candidate c) -> !c.winner()).thenComparing(c -> !c.applies()));
    model.put("rows", rows);
    model.put("partial", partial);
    model.put("request", ContextText.format(request));
    answer.ifPresent(
        r -> {
          model.put("answer", EntryView.of(r.entry(), now, false));
          model.put("matched", r.matchedFields());
          model.put("candidates", r.candidates());
        });
    pages.send(ctx, 200, "resolve", model);
  }

  /** The store's order of preference among entries that apply equally. */
  private static List<DefaultEntry> sorted(List<DefaultEntry> entries) {
    return entries.stream()
        .sorted(
            Comparator.comparingInt((DefaultEntry e) -> -e.context().size())
                .thenComparing(e -> -e.confidence())
                .thenComparing(DefaultEntry::updatedAt, Comparator.reverseOrder())
                .thenComparingLong(DefaultEntry::id))
        .toList();
  }

  private static Candidate candidate(
      DefaultEntry e, Context request, DefaultEntry winner, Instant now) {
    boolean applies = e.context().isSubsetOf(request);
    boolean expired = e.expiresAt() != null && !e.expiresAt().isAfter(now);
    int matched = applies ? e.context().size() : 0;
    boolean won = winner != null && winner.id() == e.id();
    String why;
    if (won) {
      why =
          e.context().isEmpty()
              ? "wins: the global default, no more specific entry applies"
              : "wins: matches " + fields(e.context().size()) + " of the request";
    } else if (!applies) {
      why = "does not apply: " + mismatch(e.context(), request);
    } else if (e.deprecated()) {
      why = "deprecated: never wins";
    } else if (expired) {
      why = "expired " + EntryView.when(e.expiresAt()) + ": never wins";
    } else {
      why = "applies, but " + lostTo(e, winner);
    }
    return new Candidate(
        EntryView.of(e, now, false), won, applies, matched, why, e.deprecated() || expired);
  }

  /**
   * Why an entry's context does not fit the request: the first field that differs or is missing.
   */
  private static String mismatch(Context entry, Context request) {
    for (Map.Entry<String, String> f : entry.fields().entrySet()) {
      String asked = request.fields().get(f.getKey());
      if (asked == null) {
        return "it needs " + f.getKey() + "=" + f.getValue() + ", which the request does not give";
      }
      if (!asked.equals(f.getValue())) {
        return "it is for " + f.getKey() + "=" + f.getValue() + ", the request has " + asked;
      }
    }
    return "its context is not part of the request's";
  }

  /** Why a live entry that applies is not the answer. */
  private static String lostTo(DefaultEntry e, DefaultEntry winner) {
    if (winner == null) {
      return "no answer was found (the store changed meanwhile?)";
    }
    if (e.context().size() < winner.context().size()) {
      return "the answer is more specific ("
          + fields(winner.context().size())
          + " against "
          + e.context().size()
          + ")";
    }
    if (e.confidence() < winner.confidence()) {
      return String.format(
          Locale.ROOT,
          "as specific as the answer, less confident (%.2f against %.2f)",
          e.confidence(),
          winner.confidence());
    }
    return "as specific and confident as the answer, which was updated later";
  }

  private static String fields(int n) {
    return n == 1 ? "1 field" : n + " fields";
  }

  /** Some keys to pick from: the first page of the store's keys, each once. */
  private List<String> knownKeys() {
    return defaults.store().list(ListQuery.all().withPage(1, 200)).items().stream()
        .map(DefaultEntry::key)
        .distinct()
        .toList();
  }
}
