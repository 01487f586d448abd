package dev.plandev.server;

import java.time.Clock;

/**
 * A token bucket: {@code rate} tokens a second up to {@code burst}; a request takes one. Written
 * here rather than taken from Resilience4j, whose limiter refreshes a fixed permit count per period
 * and so lets a caller send two periods' worth back to back at a period boundary.
 */
final class TokenBucket {
  private final double rate;
  private final double burst;
  private final Clock clock;
  private double tokens;
  private long last;

  TokenBucket(double rate, double burst, Clock clock) {
    this.rate = rate;
    this.burst = burst;
    this.clock = clock;
    this.tokens = burst;
    this.last = clock.millis();
  }

  /** Takes a token; returns 0 when granted, else the milliseconds until one is available. */
  synchronized long tryTake() {
    long now = clock.millis();
    tokens = Math.min(burst, tokens + (now - last) * rate / 1000.0);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - tokens) * 1000.0 / rate);
  }
}
