package dev.plandev.server;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.model.StoreStats;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.util.function.ToDoubleFunction;

/**
 * Request latency histograms by route template and status, error counts, store counts and JVM
 * meters. Routes are tagged by template ({@code /api/v1/defaults/{id}}), never by raw path, so the
 * number of series stays bounded whatever clients send.
 */
final class HttpMetrics implements AutoCloseable {
  private static final String START = "plandev.start";
  private final MeterRegistry registry;
  private final JvmGcMetrics gc = new JvmGcMetrics();
  /*
   * Meters by series (method, route template, status). Building and registering a meter on every
   * request was the largest cost of the request path in a profile; the series are bounded because
   * routes are templates.
   */
  private final java.util.concurrent.ConcurrentHashMap<String, Timer> timers =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.ConcurrentHashMap<String, Counter> errors =
      new java.util.concurrent.ConcurrentHashMap<>();
  private volatile StoreStats cached;
  private volatile long cachedAt;

  HttpMetrics(MeterRegistry registry, SmartDefaults defaults) {
    this.registry = registry;
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gauge("plandev.store.entries", "entries in the store", s -> s.entries(), defaults);
    gauge("plandev.store.entries.live", "entries that can win a resolve", s -> s.live(), defaults);
    gauge("plandev.store.changes", "audit rows", s -> s.changes(), defaults);
    gauge("plandev.store.usage.events", "recorded uses", s -> s.usageEvents(), defaults);
  }

  private void gauge(
      String name, String help, ToDoubleFunction<StoreStats> f, SmartDefaults defaults) {
    Gauge.builder(name, defaults, d -> f.applyAsDouble(stats(d)))
        .description(help)
        .register(registry);
  }

  /** Counting rows on every scrape would cost more than it tells: counts are 10 s fresh. */
  private StoreStats stats(SmartDefaults d) {
    long now = System.nanoTime();
    if (cached == null || now - cachedAt > 10_000_000_000L) {
      cached = d.stats();
      cachedAt = now;
    }
    return cached;
  }

  void install(Javalin app) {
    app.before(ctx -> ctx.attribute(START, System.nanoTime()));
    app.after(this::record);
  }

  private void record(Context ctx) {
    Long start = ctx.attribute(START);
    if (start == null) {
      return;
    }
    int status = ctx.statusCode();
    String route = RouteTemplate.of(ctx);
    if (route == null) {
      route =
          status == 404 || status == 405
              ? RouteTemplate.UNMATCHED
              : ctx.path().startsWith("/docs") ? "/docs" : "OTHER";
    }
    record(ctx.method().name(), route, status, start);
  }

  /** Records one request by method, route template and status, started at {@code start} nanos. */
  void record(String method, String template, int status, long start) {
    String series = method + ' ' + template + ' ' + status;
    timers
        .computeIfAbsent(
            series,
            k ->
                Timer.builder("http.server.requests")
                    .description("HTTP request latency")
                    .tag("method", method)
                    .tag("route", template)
                    .tag("status", Integer.toString(status))
                    .publishPercentileHistogram()
                    .register(registry))
        .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    if (status >= 400) {
      errors
          .computeIfAbsent(
              series,
              k ->
                  Counter.builder("http.server.errors")
                      .description("HTTP responses with an error status")
                      .tag("route", template)
                      .tag("status", Integer.toString(status))
                      .register(registry))
          .increment();
    }
  }

  @Override
  public void close() {
    gc.close();
  }
}
