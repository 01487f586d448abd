package dev.plandev.defaults.cache;

import dev.plandev.defaults.config.DurationText;
import dev.plandev.defaults.config.RedisSettings;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.RedisPubSubListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The invalidation bus: tells Redis and, through its channel {@code plandev:invalidate}, every
 * other instance's L1 which keys a write changed, and hears theirs.
 *
 * <p>A write sets the generation token {@code gen:K} of each written key K to a fresh token (unique
 * across instances; {@code gen} for "everything"), then publishes the keys, pipelined on one
 * connection so Redis applies them in that order; {@link RedisResolutions} explains why tokens
 * rather than deletions. The tokens live twice as long as the longest cached value, so a token
 * never disappears while a value tagged with an older token of the same key is alive.
 *
 * <p>When the write cannot reach Redis, the key stays owed in {@link Invalidations}: this instance
 * skips L2 until a replay (retried in the background, and at every resubscription) has bumped the
 * tokens and published. The other instances missed the message too; their L1 holds answers for at
 * most {@code l1Ttl}, and each of them empties its L1 when its subscription comes back after a
 * disconnection, since it cannot know what it missed.
 */
final class InvalidationBus implements RedisConnections.Subscriber {
  private final RedisSettings config;
  private final RedisKeys keys;
  private final RedisConnections connections;
  private final RedisBreaker breaker;
  private final ScheduledExecutorService background;
  private final Consumer<Invalidations.Message> remoteInvalidation;
  private final Runnable missedInvalidations;
  private final Invalidations owed = new Invalidations();
  private final String instanceId =
      Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
  private final AtomicLong tokens = new AtomicLong();
  private final ReentrantLock paying = new ReentrantLock();
  private final AtomicBoolean subscribedOnce = new AtomicBoolean();
  private boolean replayScheduled;
  private volatile boolean closed;

  /**
   * A bus that passes other instances' invalidations to {@code remoteInvalidation}, and runs {@code
   * missedInvalidations} when some may have been lost (the subscription was down).
   */
  InvalidationBus(
      RedisSettings config,
      RedisKeys keys,
      RedisConnections connections,
      RedisBreaker breaker,
      ScheduledExecutorService background,
      MeterRegistry registry,
      Consumer<Invalidations.Message> remoteInvalidation,
      Runnable missedInvalidations) {
    this.config = config;
    this.keys = keys;
    this.connections = connections;
    this.breaker = breaker;
    this.background = background;
    this.remoteInvalidation = remoteInvalidation;
    this.missedInvalidations = missedInvalidations;
    Gauge.builder("plandev.cache.invalidations.owed", owed, Invalidations::size)
        .description("invalidations waiting for Redis to come back")
        .register(registry);
  }

  // ---- hearing the other instances -------------------------------------------------------------

  @Override
  public String channel() {
    return keys.channel();
  }

  @Override
  public RedisPubSubListener<String, String> listener() {
    return new Listener();
  }

  @Override
  public void connected(boolean afterFailure) {
    if (afterFailure) {
      // Unsubscribed until now: other instances' invalidations were missed.
      missedInvalidations.run();
    }
    replay();
  }

  /** Hears invalidations from the other instances and notices lost subscriptions. */
  private final class Listener extends RedisPubSubAdapter<String, String> {
    @Override
    public void message(String channel, String message) {
      Invalidations.Message m = Invalidations.parse(message);
      if (m == null) {
        breaker.warn("message", "ignored a malformed invalidation message: " + message, null);
      } else if (!m.sender().equals(instanceId)) {
        remoteInvalidation.accept(m);
      }
    }

    @Override
    public void subscribed(String channel, long count) {
      if (subscribedOnce.getAndSet(true)) {
        // Subscribed again after a disconnection: messages sent meanwhile are lost.
        missedInvalidations.run();
        scheduleReplay();
      }
    }
  }

  // ---- telling them ----------------------------------------------------------------------------

  /** Makes Redis and the other instances forget these keys (or everything, with null). */
  void invalidate(Set<String> changed) {
    if (changed == null) {
      owed.oweEverything();
    } else if (!changed.isEmpty()) {
      owed.owe(changed);
    }
    replay();
  }

  /** Whether invalidations are still owed to Redis, so that its values may be stale. */
  boolean owesAny() {
    return !owed.isEmpty();
  }

  /** How many invalidations are owed (a key each, or one for everything). */
  int owed() {
    return owed.size();
  }

  /**
   * Pays what is owed to Redis; on failure tries again later. One thread pays at a time; a writer
   * that finds another paying leaves its debt to it, since the payer looks again before it leaves.
   */
  void replay() {
    while (!closed && !owed.isEmpty() && paying.tryLock()) {
      boolean paid;
      try {
        paid = payAll();
      } finally {
        paying.unlock();
      }
      if (!paid) {
        scheduleReplay();
        return;
      }
    }
  }

  private boolean payAll() {
    while (!owed.isEmpty()) {
      StatefulRedisConnection<String, String> c = connections.values();
      Invalidations.Debt debt = owed.debt();
      if (c == null || breaker.guarded("invalidate", () -> pay(c, debt)).isEmpty()) {
        return false;
      }
      owed.paid(debt);
    }
    return true;
  }

  private boolean pay(StatefulRedisConnection<String, String> c, Invalidations.Debt debt)
      throws Exception {
    RedisAsyncCommands<String, String> a = c.async();
    List<RedisFuture<?>> sent = new ArrayList<>();
    long tokenLife = config.maxTtl().toMillis() * 2;
    if (debt.everything()) {
      sent.add(a.set(keys.globalGeneration(), nextToken()));
    }
    for (String k : debt.keys()) {
      sent.add(a.set(keys.generation(k), nextToken(), SetArgs.Builder.px(tokenLife)));
    }
    sent.add(a.publish(keys.channel(), Invalidations.message(instanceId, debt)));
    if (!LettuceFutures.awaitAll(config.timeout(), sent.toArray(new RedisFuture<?>[0]))) {
      throw new TimeoutException(
          "invalidation of "
              + debt.keys().size()
              + " keys took over "
              + DurationText.format(config.timeout()));
    }
    return true;
  }

  private String nextToken() {
    return instanceId + "." + Long.toString(tokens.incrementAndGet(), 36);
  }

  private synchronized void scheduleReplay() {
    if (closed || replayScheduled) {
      return;
    }
    replayScheduled = true;
    try {
      background.schedule(
          this::scheduledReplay,
          Math.max(config.retryDelay().toMillis(), 50),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      replayScheduled = false; // closing
    }
  }

  private void scheduledReplay() {
    synchronized (this) {
      replayScheduled = false;
    }
    replay();
  }

  /** Stops replaying; what is still owed is lost with this instance's L1. */
  synchronized void close() {
    closed = true;
  }
}
