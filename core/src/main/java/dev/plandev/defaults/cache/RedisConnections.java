package dev.plandev.defaults.cache;

import dev.plandev.defaults.config.RedisSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubListener;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache's two connections to one Redis (db 0), opened together or not at all: values and the
 * subscription to the invalidation channel.
 *
 * <p>Connecting is tried {@code 1 + maxRetries} times at start, then goes on in the background
 * while reads use the database. Once open, Lettuce keeps the connections alive and reconnects on
 * its own; while the breaker is not closed a background PING probes Redis, so that an idle instance
 * notices Redis is back without waiting for traffic.
 */
final class RedisConnections implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisConnections.class);
  private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(5);

  /** What the invalidation bus needs to hear from the connections. */
  interface Subscriber {
    /** Listens to the invalidation channel, whose name this returns. */
    String channel();

    RedisPubSubListener<String, String> listener();

    /** The connections are open; {@code afterFailure}: an earlier attempt failed (or none yet). */
    void connected(boolean afterFailure);
  }

  private final RedisSettings config;
  private final RedisBreaker breaker;
  private final ScheduledExecutorService background;
  private final ClientResources resources;
  private final RedisClient client;
  private final Object connecting = new Object();
  private Subscriber subscriber;
  private boolean failedBefore;
  private long retryDelayMillis;
  private volatile boolean closed;

  private volatile StatefulRedisConnection<String, String> values;
  private volatile StatefulRedisPubSubConnection<String, String> pubSub;

  RedisConnections(RedisSettings config, RedisBreaker breaker) {
    this.config = config;
    this.breaker = breaker;
    this.background =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "plandev-redis-cache");
              t.setDaemon(true);
              return t;
            });
    this.retryDelayMillis = config.retryDelay().toMillis();
    this.resources =
        ClientResources.builder()
            .ioThreadPoolSize(2)
            .computationThreadPoolSize(2)
            .reconnectDelay(
                Delay.exponential(config.retryDelay(), maxDelay(), 2, TimeUnit.MILLISECONDS))
            .build();
    this.client = RedisClient.create(resources);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(config.timeout()).build())
            .build());
  }

  private Duration maxDelay() {
    return config.retryDelay().compareTo(MAX_RETRY_DELAY) > 0
        ? config.retryDelay()
        : MAX_RETRY_DELAY;
  }

  /**
   * Connects, trying {@code 1 + maxRetries} times {@code retryDelay} apart (doubling); if Redis
   * still does not answer, goes on trying in the background while reads use the database.
   */
  void start(Subscriber subscriber) {
    this.subscriber = subscriber;
    long period = Math.max(50, Math.min(1000, config.breakerWaitInOpen().toMillis() / 2));
    background.scheduleWithFixedDelay(this::probe, period, period, TimeUnit.MILLISECONDS);
    long delay = config.retryDelay().toMillis();
    for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
      if (tryConnect()) {
        return;
      }
      if (attempt < config.maxRetries()) {
        try {
          Thread.sleep(delay);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        delay = Math.min(delay * 2, maxDelay().toMillis());
      }
    }
    LOG.warn(
        "Redis at {}:{} does not answer ({}); the cache uses L1 and the database, and keeps trying",
        config.host(),
        config.port(),
        breaker.lastError());
    background.schedule(this::connectInBackground, delay, TimeUnit.MILLISECONDS);
  }

  private void connectInBackground() {
    if (closed || tryConnect()) {
      return;
    }
    retryDelayMillis = Math.min(retryDelayMillis * 2, maxDelay().toMillis());
    background.schedule(this::connectInBackground, retryDelayMillis, TimeUnit.MILLISECONDS);
  }

  /** Opens the connections, or none; held apart from the replay's lock (it may block). */
  private boolean tryConnect() {
    synchronized (connecting) {
      return connect();
    }
  }

  private boolean connect() {
    if (values != null) {
      return true;
    }
    if (closed) {
      return false;
    }
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      StatefulRedisConnection<String, String> v = client.connect(StringCodec.UTF8, uri());
      opened.add(v);
      StatefulRedisPubSubConnection<String, String> p =
          client.connectPubSub(StringCodec.UTF8, uri());
      opened.add(p);
      p.addListener(subscriber.listener());
      p.sync().subscribe(subscriber.channel());
      values = v;
      pubSub = p;
      breaker.lastError("");
      LOG.info("Redis cache connected to {}:{}", config.host(), config.port());
      subscriber.connected(failedBefore);
      return true;
    } catch (RuntimeException e) {
      failedBefore = true;
      breaker.lastError(
          "cannot connect to " + config.host() + ":" + config.port() + ": " + e.getMessage());
      closeQuietly(opened);
      return false;
    }
  }

  private static void closeQuietly(List<AutoCloseable> opened) {
    for (AutoCloseable c : opened) {
      try {
        c.close();
      } catch (Exception ignored) {
        // already failing; the connection error is the one worth reporting
      }
    }
  }

  /**
   * Database 0: every key carries {@code redis.keyPrefix}, so plandev needs no database of its own.
   */
  private RedisURI uri() {
    RedisURI.Builder b =
        RedisURI.Builder.redis(config.host(), config.port()).withTimeout(config.timeout());
    if (!config.password().isEmpty()) {
      b.withPassword(config.password().toCharArray());
    }
    return b.build();
  }

  /**
   * Pings Redis while the breaker is not closed, so that an idle instance notices Redis is back
   * (and reports it healthy) without waiting for traffic.
   */
  private void probe() {
    StatefulRedisConnection<String, String> c = values;
    for (int i = 0;
        c != null && !closed && breaker.state() != CircuitBreaker.State.CLOSED && i < 3;
        i++) {
      if (breaker.guarded("ping", () -> c.sync().ping()).isEmpty()) {
        return;
      }
    }
  }

  /** The connection to db 0 (values and generations), null until connected. */
  StatefulRedisConnection<String, String> values() {
    return values;
  }

  /** The thread of the cache's background work: probes, reconnections, replays. */
  ScheduledExecutorService background() {
    return background;
  }

  @Override
  public void close() {
    closed = true;
    background.shutdownNow();
    for (AutoCloseable c : new AutoCloseable[] {pubSub, values}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          LOG.debug("closing a Redis connection failed", e);
        }
      }
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }
}
