package dev.plandev.defaults.cache;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Values of one Redis database under one key pattern and lifetime: the usage statistics (db 1,
 * {@code stats:{key}}) or the ranking models (db 2, {@code ml:model:{key}}), each call under the
 * breaker.
 */
final class RedisSharedValues implements SharedValues {
  private final Supplier<StatefulRedisConnection<String, byte[]>> connection;
  private final UnaryOperator<String> redisKey;
  private final Duration ttl;
  private final RedisBreaker breaker;

  /**
   * Values on the connection {@code connection} returns (null until connected), stored under {@code
   * redisKey(name)} for {@code ttl}.
   */
  RedisSharedValues(
      Supplier<StatefulRedisConnection<String, byte[]>> connection,
      UnaryOperator<String> redisKey,
      Duration ttl,
      RedisBreaker breaker) {
    this.connection = connection;
    this.redisKey = redisKey;
    this.ttl = ttl;
    this.breaker = breaker;
  }

  @Override
  public Optional<byte[]> get(String name) {
    StatefulRedisConnection<String, byte[]> c = connection.get();
    if (c == null) {
      return Optional.empty();
    }
    return breaker
        .guarded("read", () -> Optional.ofNullable(c.sync().get(redisKey.apply(name))))
        .flatMap(o -> o);
  }

  @Override
  public void put(String name, byte[] value) {
    StatefulRedisConnection<String, byte[]> c = connection.get();
    if (c != null) {
      breaker.guarded(
          "write", () -> c.sync().set(redisKey.apply(name), value, SetArgs.Builder.px(ttl)));
    }
  }

  @Override
  public void remove(String name) {
    StatefulRedisConnection<String, byte[]> c = connection.get();
    if (c != null) {
      breaker.guarded("delete", () -> c.sync().del(redisKey.apply(name)));
    }
  }
}
