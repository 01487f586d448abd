package dev.plandev.defaults;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultsStore;
import dev.plandev.defaults.model.EngineHealth;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.model.Prediction;
import dev.plandev.defaults.model.Resolution;
import dev.plandev.defaults.model.StorageException;
import dev.plandev.defaults.model.UsageEvent;
import dev.plandev.defaults.rank.RankedValue;
import dev.plandev.defaults.store.JdbcDefaultsStore;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Predictions from the learned ranking engine, guarded so that callers never see its failures.
 *
 * <p>Learning: the engine learns every row of {@code usage_events} in id order, whichever process
 * wrote it; the id of the last one learned is saved beside the model, so a restart (or another
 * process) resumes where it stopped instead of rescanning history. Feedback learns at once;
 * predictions look for other processes' events at most once a second.
 *
 * <p>Protection: each ranking runs on a small bounded pool with a time limit ({@code ml.timeout}).
 * A full pool (overload), a timeout or an error counts as a failure for a circuit breaker ({@code
 * ml.breakerFailureRate} over at least {@code ml.breakerMinimumCalls} calls); while it is open, or
 * whenever a call fails, the answer is the most used value with reason {@code fallback}.
 */
final class LearnedPredictor implements AutoCloseable {
  static final String FALLBACK = "fallback";
  static final String OFFSET_FILE = "learned-events.txt";
  private static final Logger LOG = LoggerFactory.getLogger(LearnedPredictor.class);
  private static final long CATCH_UP_EVERY_MS = 1000;

  private final RankingEngine engine;
  private final JdbcDefaultsStore database;
  private final DefaultsStore store;
  private final PlandevConfig.Ml ml;
  private final Path modelDir;
  private final Clock clock;
  private final CircuitBreaker breaker;
  private final ThreadPoolExecutor pool;
  private long learnedId;
  private long lastCatchUp;
  private boolean dirty;

  LearnedPredictor(
      RankingEngine engine,
      JdbcDefaultsStore database,
      DefaultsStore store,
      PlandevConfig.Ml ml,
      Path modelDir,
      Clock clock) {
    this.engine = engine;
    this.database = database;
    this.store = store;
    this.ml = ml;
    this.modelDir = modelDir;
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
    this.learnedId = readOffset();
  }

  List<Prediction> predict(String key, Context context, int limit) {
    Optional<Resolution> stored = store.resolve(key, context);
    if (stored.isPresent() && stored.get().entry().secret()) {
      return List.of(); // never suggest secrets: the engine only knows their fingerprints
    }
    catchUpAtMostEverySecond();
    if (!breaker.tryAcquirePermission()) {
      return fallback(key, context, stored, "the engine's breaker is open");
    }
    long start = System.nanoTime();
    Future<List<RankedValue>> ranked;
    try {
      ranked = pool.submit(() -> engine.rank(key, context.fields(), limit));
    } catch (RejectedExecutionException e) {
      breaker.onError(0, TimeUnit.NANOSECONDS, e);
      return fallback(key, context, stored, "the engine is overloaded");
    }
    try {
      List<RankedValue> values = ranked.get(ml.timeout().toNanos(), TimeUnit.NANOSECONDS);
      breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      if (values.isEmpty()) {
        return storedDefault(stored);
      }
      List<Prediction> out = new ArrayList<>(values.size());
      for (RankedValue v : values) {
        out.add(
            new Prediction(
                v.value(), v.confidence(), v.confident(), v.reason(), v.contributions()));
      }
      return out;
    } catch (TimeoutException e) {
      ranked.cancel(true);
      breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
      return fallback(
          key, context, stored, "the engine took longer than ml.timeout " + ml.timeout());
    } catch (ExecutionException e) {
      breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e.getCause());
      return fallback(key, context, stored, "the engine failed: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fallback(key, context, stored, "interrupted");
    }
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

  /** Records feedback and learns it (with any events other processes wrote meanwhile). */
  UsageEvent feedback(Feedback f) {
    UsageEvent e = store.recordUsage(f);
    catchUp();
    return e;
  }

  private void catchUpAtMostEverySecond() {
    long now = clock.millis();
    synchronized (this) {
      if (now - lastCatchUp < CATCH_UP_EVERY_MS) {
        return;
      }
    }
    catchUp();
  }

  synchronized void catchUp() {
    lastCatchUp = clock.millis();
    while (true) {
      List<UsageEvent> events = database.usageEvents(null, learnedId, 1000);
      for (UsageEvent e : events) {
        engine.learn(
            e.key(), e.context().fields(), e.value(), e.outcome() != Outcome.REJECTED, e.at());
        learnedId = e.id();
        dirty = true;
      }
      if (events.size() < 1000) {
        return;
      }
    }
  }

  /** Retrains when {@code ml.updatePeriod} has passed, and saves what was learned. */
  synchronized boolean retrainIfDue() {
    catchUp();
    boolean retrained = engine.retrainIfDue();
    if (retrained || dirty) {
      save();
    }
    return retrained;
  }

  synchronized void save() {
    engine.save();
    writeOffset();
    dirty = false;
  }

  EngineHealth health() {
    String state = breaker.getState().name();
    return new EngineHealth(state.equals("CLOSED") ? "UP" : "DEGRADED", state, learnedId);
  }

  private long readOffset() {
    Path f = modelDir.resolve(OFFSET_FILE);
    if (!Files.exists(modelDir.resolve("ranker.model"))) {
      return 0; // no model: whatever was learned before is gone, so learn every event again
    }
    try {
      return Files.exists(f)
          ? Long.parseLong(Files.readString(f, StandardCharsets.UTF_8).trim())
          : 0;
    } catch (IOException | NumberFormatException e) {
      LOG.warn("cannot read {} ({}); the engine relearns all usage events", f, e.toString());
      return 0;
    }
  }

  private void writeOffset() {
    Path f = modelDir.resolve(OFFSET_FILE);
    Path tmp = modelDir.resolve(OFFSET_FILE + ".tmp");
    try {
      Files.createDirectories(modelDir);
      Files.writeString(tmp, Long.toString(learnedId), StandardCharsets.UTF_8);
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new StorageException("cannot write " + f + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    pool.shutdownNow();
    if (dirty) {
      try {
        save();
      } catch (RuntimeException e) {
        LOG.warn("cannot save the ranking model on close: {}", e.getMessage());
      }
    }
  }
}
