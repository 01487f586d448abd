package dev.plandev.defaults.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting for an event that another thread or process brings about and that tells no one: the
 * condition is asked again every few milliseconds (Awaitility) until it holds, and the test fails
 * with {@code what} once the deadline, chosen generous for a loaded machine, has passed. The
 * deadline is a safety net for a broken feature, no measure of speed.
 */
public final class Await {
  /** The deadline of tests that wait for another instance to see a write. */
  public static final Duration GENEROUS = Duration.ofSeconds(30);

  private Await() {}

  /** Returns the first non-null answer of {@code probe}, or fails saying what never happened. */
  public static <T> T value(String what, Duration deadline, Supplier<T> probe) {
    return await(what)
        .atMost(deadline)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(5))
        .until(probe::get, Objects::nonNull);
  }

  /** Waits until {@code condition} holds. */
  public static void until(String what, Duration deadline, BooleanSupplier condition) {
    value(what, deadline, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
  }
}
