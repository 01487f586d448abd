package dev.plandev.defaults;

import dev.plandev.defaults.cache.CachedDefaultsStore;
import dev.plandev.defaults.config.MlSettings;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultsStore;
import dev.plandev.defaults.model.EngineHealth;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.Prediction;
import dev.plandev.defaults.model.Resolution;
import dev.plandev.defaults.model.UsageEvent;
import dev.plandev.defaults.rank.RankedValue;
import dev.plandev.defaults.store.JdbcDefaultsStore;
import dev.plandev.defaults.tracing.Tracing;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.opentelemetry.api.trace.Span;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Predictions from the learned ranking engine, guarded so that callers never see its failures.
 *
 * <p>Learning: {@link BackgroundLearning} feeds the engine every usage event, whichever process
 * wrote it, on a thread of its own. Predictions never wait for it: they ask it to look for new
 * events at most once a second and rank with what is learned so far. Feedback asks for its own
 * event to be learned and waits for that a little ({@link #FEEDBACK_WAIT}), so that the next
 * prediction usually reflects it; a long catch-up never holds feedback longer.
 *
 * <p>Protection: each ranking runs on a small bounded pool with a time limit ({@code ml.timeout}).
 * A full pool (overload), a timeout or an error counts as a failure for a circuit breaker ({@code
 * ml.breakerFailureRate} over at least {@code ml.breakerMinimumCalls} calls); while it is open, or
 * whenever a call fails, the answer is the most used value with reason {@code fallback}.
 */
final class LearnedPredictor implements AutoCloseable {
  static final String FALLBACK = "fallback";
  static final String OFFSET_FILE = BackgroundLearning.OFFSET_FILE;
  private static final Logger LOG = LoggerFactory.getLogger(LearnedPredictor.class);
  private static final long CATCH_UP_EVERY_MS = CachedDefaultsStore.EXTERNAL_CHECK_MS;
  static final Duration FEEDBACK_WAIT = Duration.ofSeconds(2);

  /** How usage events name a secret value ({@code Fingerprint.of}). */
  private static final Pattern FINGERPRINT = Pattern.compile("sha256:[0-9a-f]{16}");

  private final RankingEngine engine;
  private final DefaultsStore store;
  private final MlSettings ml;
  private final Clock clock;
  private final CircuitBreaker breaker;
  private final ThreadPoolExecutor pool;
  private final BackgroundLearning learning;
  private final AtomicLong lastCatchUp = new AtomicLong();
  private final RankingMeters meters;
  private volatile Tracing tracing = Tracing.OFF;

  LearnedPredictor(
      RankingEngine engine,
      JdbcDefaultsStore database,
      DefaultsStore store,
      MlSettings ml,
      Path modelDir,
      Clock clock,
      Consumer<Set<String>> learnedKeys,
      RankingMeters meters) {
    this.engine = engine;
    this.meters = meters;
    this.store = store;
    this.ml = ml;
    this.clock = clock;
    this.breaker =
        CircuitBreaker.of(
            "ranking-engine",
            CircuitBreakerConfig.custom()
                .failureRateThreshold((float) ml.breakerFailureRate())
                .minimumNumberOfCalls(ml.breakerMinimumCalls())
                .slidingWindowSize(Math.max(ml.breakerMinimumCalls(), 20))
                .waitDurationInOpenState(ml.breakerWaitInOpen())
                .permittedNumberOfCallsInHalfOpenState(3)
                .clock(clock)
                .build());
    meters.watch(breaker);
    this.pool =
        new ThreadPoolExecutor(
            2,
            2,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(64),
            r -> {
              Thread t = new Thread(r, "plandev-ranking");
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    this.pool.allowCoreThreadTimeOut(true);
    this.learning = new BackgroundLearning(engine, database, modelDir, learnedKeys);
    learning.catchUp(); // a reset model starts relearning now, not at the first request
    lastCatchUp.set(clock.millis());
  }

  List<Prediction> predict(String key, Context context, int limit) {
    catchUpWhenDue();
    Optional<Resolution> stored;
    try {
      stored = store.resolve(key, context);
    } catch (RuntimeException e) {
      // Without the store, whether the key is secret is unknown: answer from the engine, minus
      // the fingerprints it knows secret values by.
      LOG.debug("prediction for {} without the stored default: {}", key, e.toString());
      return rank(key, context, limit, Optional.empty()).stream()
          .filter(p -> !FINGERPRINT.matcher(p.value()).matches())
          .toList();
    }
    if (stored.isPresent() && stored.get().entry().secret()) {
      return List.of(); // never suggest secrets: the engine only knows their fingerprints
    }
    return rank(key, context, limit, stored);
  }

  private List<Prediction> rank(
      String key, Context context, int limit, Optional<Resolution> stored) {
    long start = System.nanoTime();
    Span span = tracing.start("plandev.rank");
    Ranking outcome = rankGuarded(key, context, limit, stored);
    meters.ranked(start, outcome.fellBack());
    span.setAttribute("plandev.rank.result", outcome.fellBack() ? "fallback" : "ranked");
    span.end();
    return outcome.predictions();
  }

  /** Makes a span for each ranking, under the caller's span. */
  void trace(Tracing t) {
    this.tracing = t;
  }

  /** What a ranking answered, and whether the fallback gave it. */
  private record Ranking(List<Prediction> predictions, boolean fellBack) {}

  private Ranking rankGuarded(String key, Context context, int limit, Optional<Resolution> stored) {
    if (!breaker.tryAcquirePermission()) {
      return fellBack(key, context, stored, "the engine's breaker is open");
    }
    long start = System.nanoTime();
    Future<List<RankedValue>> ranked;
    try {
      ranked = pool.submit(() -> engine.rank(key, context.fields(), limit));
    } catch (RejectedExecutionException e) {
      breaker.onError(0, TimeUnit.NANOSECONDS, e);
      return fellBack(key, context, stored, "the engine is overloaded");
    }
    try {
      List<RankedValue> values = ranked.get(ml.timeout().toNanos(), TimeUnit.NANOSECONDS);
      breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      if (values.isEmpty()) {
        return new Ranking(storedDefault(stored), false);
      }
      List<Prediction> out = new ArrayList<>(values.size());
      for (RankedValue v : values) {
        out.add(
            new Prediction(
                v.value(), v.confidence(), v.confident(), v.reason(), v.contributions()));
      }
      return new Ranking(out, false);
    } catch (TimeoutException e) {
      ranked.cancel(true);
      breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
      return fellBack(
          key, context, stored, "the engine took longer than ml.timeout " + ml.timeout());
    } catch (ExecutionException e) {
      breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e.getCause());
      return fellBack(key, context, stored, "the engine failed: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fellBack(key, context, stored, "interrupted");
    }
  }

  private Ranking fellBack(String key, Context context, Optional<Resolution> stored, String why) {
    return new Ranking(fallback(key, context, stored, why), true);
  }

  private List<Prediction> fallback(
      String key, Context context, Optional<Resolution> stored, String why) {
    LOG.debug("prediction for {} falls back: {}", key, why);
    try {
      Optional<String> most = engine.mostUsed(key, context.fields());
      if (most.isPresent()) {
        return List.of(new Prediction(most.get(), 0, false, FALLBACK, Map.of()));
      }
    } catch (RuntimeException e) {
      LOG.debug("the engine's most used value is unavailable too", e);
    }
    return stored
        .map(r -> List.of(new Prediction(r.entry().value(), 0, false, FALLBACK, Map.of())))
        .orElse(List.of());
  }

  /** When the engine knows no value yet, the default a person stored is the prediction. */
  private List<Prediction> storedDefault(Optional<Resolution> stored) {
    return stored
        .map(
            r ->
                List.of(
                    new Prediction(
                        r.entry().value(),
                        r.entry().confidence(),
                        r.entry().confidence() >= ml.threshold(),
                        "stored default (nothing learned yet)",
                        Map.of())))
        .orElse(List.of());
  }

  /**
   * Records feedback and asks for it to be learned (with any events other processes wrote
   * meanwhile), waiting at most {@link #FEEDBACK_WAIT} for that.
   */
  UsageEvent feedback(Feedback f) {
    UsageEvent e = store.recordUsage(f);
    lastCatchUp.set(clock.millis());
    try {
      learning.catchUp().get(FEEDBACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException late) {
      // Learning goes on in the background (or retries, having logged why it failed).
      LOG.debug("event {} is not learned yet: {}", e.id(), late.toString());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    return e;
  }

  /** Asks for new events to be learned, without waiting, when a second has passed since. */
  private void catchUpWhenDue() {
    long now = clock.millis();
    long last = lastCatchUp.get();
    if (now - last >= CATCH_UP_EVERY_MS && lastCatchUp.compareAndSet(last, now)) {
      learning.catchUp();
    }
  }

  /** Asks for the events written so far to be learned; completes when they are. */
  CompletableFuture<Long> catchUp() {
    return learning.catchUp();
  }

  /** Retrains when {@code ml.updatePeriod} has passed, and saves what was learned. */
  boolean retrainIfDue() {
    learning.catchUp();
    return learning.retrainIfDue();
  }

  void save() {
    learning.save();
  }

  EngineHealth health() {
    String state = breaker.getState().name();
    String problem = learning.problem();
    return new EngineHealth(
        state.equals("CLOSED") && problem.isEmpty() ? "UP" : "DEGRADED",
        state,
        learning.learnedId(),
        problem);
  }

  @Override
  public void close() {
    pool.shutdownNow();
    learning.close(); // saves what was learned since the last save
  }
}
