package dev.plandev.server.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The service's requests as the Operations page shows them, read from the {@code
 * http.server.requests} timers: how many, how fast (percentiles from their histograms, since the
 * service started), how many failed, and the rate over the last minutes.
 *
 * <p>The rate is the change in the request count between this reading and one taken at least a
 * minute earlier (readings are kept for five minutes); before any such reading it is the average
 * since the service started, and the page says which.
 */
final class RequestFigures {
  static final String TIMER = "http.server.requests";

  /** The UI's event streams stay open for minutes: their "latency" is not a request's. */
  private static final String STREAMS = "/plan/events";

  private static final Duration WINDOW = Duration.ofMinutes(1);
  private static final Duration KEEP = Duration.ofMinutes(5);

  private record Reading(Instant at, long count) {}

  private final Deque<Reading> readings = new ArrayDeque<>();
  private final Instant started;

  RequestFigures(Instant started) {
    this.started = started;
  }

  /** One route's figures. */
  record Route(String route, long count, String meanMs, String p95Ms, long errors) {}

  /** The figures at {@code now}, as text ready for the page. */
  synchronized Map<String, Object> read(MeterRegistry registry, Instant now) {
    long count = 0;
    long serverErrors = 0;
    long clientErrors = 0;
    double totalMs = 0;
    TreeMap<Double, Long> buckets = new TreeMap<>();
    Map<String, long[]> routeCounts = new LinkedHashMap<>();
    Map<String, Double> routeMs = new LinkedHashMap<>();
    Map<String, TreeMap<Double, Long>> routeBuckets = new LinkedHashMap<>();
    for (Timer t : registry.find(TIMER).timers()) {
      String route = t.getId().getTag("route");
      if (route == null || route.startsWith(STREAMS)) {
        continue;
      }
      int status = parseStatus(t.getId().getTag("status"));
      long n = t.count();
      double ms = t.totalTime(TimeUnit.MILLISECONDS);
      count += n;
      totalMs += ms;
      long errors = status >= 500 ? n : 0;
      serverErrors += errors;
      clientErrors += status >= 400 && status < 500 ? n : 0;
      String name = t.getId().getTag("method") + " " + route;
      long[] c = routeCounts.computeIfAbsent(name, k -> new long[2]);
      c[0] += n;
      c[1] += errors;
      routeMs.merge(name, ms, Double::sum);
      HistogramSnapshot snapshot = t.takeSnapshot();
      addBuckets(buckets, snapshot, n);
      addBuckets(routeBuckets.computeIfAbsent(name, k -> new TreeMap<>()), snapshot, n);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", count);
    out.put("meanMs", count == 0 ? "–" : ms(totalMs / count));
    out.put("p50Ms", percentile(buckets, count, 0.50));
    out.put("p95Ms", percentile(buckets, count, 0.95));
    out.put("p99Ms", percentile(buckets, count, 0.99));
    out.put("serverErrorRate", share(serverErrors, count));
    out.put("clientErrorRate", share(clientErrors, count));
    out.put("serverErrors", serverErrors);
    out.put("clientErrors", clientErrors);
    rate(out, count, now);
    List<Route> routes = new ArrayList<>();
    routeCounts.forEach(
        (name, c) ->
            routes.add(
                new Route(
                    name,
                    c[0],
                    c[0] == 0 ? "–" : ms(routeMs.get(name) / c[0]),
                    percentile(routeBuckets.get(name), c[0], 0.95),
                    c[1])));
    routes.sort(Comparator.comparingLong(Route::count).reversed());
    out.put("routes", routes.subList(0, Math.min(15, routes.size())));
    return out;
  }

  /** Requests per second over the last minute or more, else since the start. */
  private void rate(Map<String, Object> out, long count, Instant now) {
    readings.addLast(new Reading(now, count));
    while (!readings.isEmpty() && readings.peekFirst().at().isBefore(now.minus(KEEP))) {
      readings.removeFirst();
    }
    Reading base = null;
    for (Reading r : readings) {
      if (!r.at().isAfter(now.minus(WINDOW))) {
        base = r;
      }
    }
    if (base == null) {
      double seconds = Math.max(1, Duration.between(started, now).toMillis() / 1000.0);
      out.put("rate", String.format(Locale.ROOT, "%.2f", count / seconds));
      out.put("rateOver", "since the service started");
    } else {
      double seconds = Math.max(1, Duration.between(base.at(), now).toMillis() / 1000.0);
      out.put("rate", String.format(Locale.ROOT, "%.2f", (count - base.count()) / seconds));
      out.put("rateOver", "over the last " + Math.round(seconds) + " s");
    }
  }

  /**
   * Adds a timer's histogram to {@code into} as counts per bucket (upper bound in ms). Some
   * registries count buckets cumulatively (each holds every value up to its bound): their counts
   * add up to more than the number of requests, and are turned into counts per bucket first.
   */
  private static void addBuckets(TreeMap<Double, Long> into, HistogramSnapshot s, long count) {
    CountAtBucket[] counts = s.histogramCounts();
    double sum = 0;
    for (CountAtBucket b : counts) {
      sum += b.count();
    }
    boolean cumulative = sum > count + 0.5;
    double previous = 0;
    for (CountAtBucket b : counts) {
      double n = cumulative ? b.count() - previous : b.count();
      previous = b.count();
      into.merge(b.bucket(TimeUnit.MILLISECONDS), Math.round(n), Long::sum);
    }
  }

  /**
   * The bucket bound below which a share {@code p} of the requests fell ("≤ 5 ms"): an upper bound,
   * as precise as the histogram's buckets.
   */
  private static String percentile(TreeMap<Double, Long> buckets, long count, double p) {
    if (count == 0 || buckets.isEmpty()) {
      return "–";
    }
    double wanted = p * count;
    long seen = 0;
    for (Map.Entry<Double, Long> b : buckets.entrySet()) {
      seen += b.getValue();
      if (seen >= wanted) {
        return "≤ " + ms(b.getKey());
      }
    }
    return "> " + ms(buckets.lastKey());
  }

  private static String ms(double value) {
    return value < 10
        ? String.format(Locale.ROOT, "%.2f", value)
        : String.format(Locale.ROOT, "%.0f", value);
  }

  private static String share(long part, long whole) {
    return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.2f%%", 100.0 * part / whole);
  }

  private static int parseStatus(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
