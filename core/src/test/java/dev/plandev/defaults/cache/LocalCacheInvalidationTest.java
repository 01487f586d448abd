package dev.plandev.defaults.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** L1's invalidation by key marks, on its own: what a load that raced a write may leave behind. */
class LocalCacheInvalidationTest {
  final AtomicLong nanos = new AtomicLong(1);
  final Duration ttl = Duration.ofSeconds(60);
  final LocalCache<String> cache =
      LocalCache.create(1 << 20, String::length, nanos::get, ttl, (slot, v) -> ttl);
  final LocalCache.Slot slot = new LocalCache.Slot("db.host", "{}");

  @Test
  void loadThatBeganBeforeAnInvalidation_isNeverServed_whenStoredAfterIt() {
    long ticket = cache.ticket();
    cache.invalidate(Set.of("db.host"));
    cache.put(slot, "old", ticket);
    assertThat(cache.get(slot)).isNull();
  }

  @Test
  void loadThatBeganBeforeAnInvalidation_isNeverServed_whenStoredBeforeIt() {
    long ticket = cache.ticket();
    cache.put(slot, "old", ticket);
    assertThat(cache.get(slot)).isEqualTo("old");
    cache.invalidate(Set.of("db.host"));
    assertThat(cache.get(slot)).isNull();
    assertThat(cache.size()).as("the refused value is dropped when read").isZero();
    cache.put(slot, "new", cache.ticket());
    assertThat(cache.get(slot)).isEqualTo("new");
  }

  @Test
  void marksNotedOutOfOrder_keepTheLater() {
    cache.invalidate(Set.of("a")); // writer A has committed and taken ticket 1
    long loader = cache.ticket(); // a load begins: it may read before writer B commits
    cache.invalidate(Set.of("b")); // writer B has committed and taken ticket 2
    cache.mark(Set.of("db.host"), 2); // B notes its key first
    cache.mark(Set.of("db.host"), 1); // A notes it late
    cache.put(slot, "read before B's write", loader);
    assertThat(cache.get(slot)).isNull();
    cache.put(slot, "read after both", cache.ticket());
    assertThat(cache.get(slot)).isEqualTo("read after both");
  }

  @Test
  void invalidation_dropsEveryDetailOfItsKeys_andNothingElse() {
    LocalCache.Slot prod = new LocalCache.Slot("db.host", "{\"env\":\"prod\"}");
    LocalCache.Slot port = new LocalCache.Slot("db.port", "{}");
    long t = cache.ticket();
    cache.put(slot, "a", t);
    cache.put(prod, "b", t);
    cache.put(port, "c", t);
    cache.invalidate(Set.of("db.host", "other.key"));
    assertThat(cache.get(slot)).isNull();
    assertThat(cache.get(prod)).isNull();
    assertThat(cache.get(port)).isEqualTo("c");
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(cache.misses()).isEqualTo(2);
  }

  @Test
  void invalidateAll_refusesEveryEarlierLoad() {
    long ticket = cache.ticket();
    cache.put(slot, "a", ticket);
    cache.invalidateAll();
    assertThat(cache.get(slot)).isNull();
    cache.put(slot, "late", ticket);
    assertThat(cache.get(slot)).isNull();
  }

  @Test
  void marks_areForgottenAfterTwoLifetimes_andOldValuesStayRefusedMeanwhile() {
    long ticket = cache.ticket();
    cache.put(slot, "old", ticket);
    Set<String> many = new HashSet<>();
    for (int i = 0; i < 5000; i++) {
      many.add("k" + i);
    }
    many.add("db.host");
    cache.invalidate(many);
    assertThat(cache.marks()).isEqualTo(5001);
    nanos.addAndGet(ttl.toNanos() + 1);
    cache.invalidate(Set.of("x"));
    assertThat(cache.marks()).as("one lifetime is not enough").isEqualTo(5002);
    nanos.addAndGet(ttl.toNanos() + 1);
    cache.invalidate(Set.of("y"));
    assertThat(cache.marks()).isEqualTo(2);
    assertThat(cache.get(slot)).as("expired long ago").isNull();
  }

  @Test
  void concurrentLoadsAndWrites_endOnTheLastWrittenValue() throws Exception {
    LocalCache<Integer> shared =
        LocalCache.create(
            1 << 20,
            v -> 16,
            com.github.benmanes.caffeine.cache.Ticker.systemTicker(),
            ttl,
            (s, v) -> ttl);
    AtomicInteger database = new AtomicInteger();
    AtomicBoolean writing = new AtomicBoolean(true);
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      threads.add(
          new Thread(
              () -> {
                await(start);
                while (writing.get()) {
                  shared.get(
                      slot,
                      () -> {
                        int v = database.get();
                        Thread.yield(); // widen the window between reading and storing
                        return v;
                      });
                }
              }));
    }
    // Two writers of the same key: their marks may be noted out of order.
    CountDownLatch writers = new CountDownLatch(2);
    for (int w = 0; w < 2; w++) {
      threads.add(
          new Thread(
              () -> {
                await(start);
                for (int i = 0; i < 20_000; i++) {
                  database.incrementAndGet();
                  shared.invalidate(Set.of("db.host"));
                }
                writers.countDown();
                if (writers.getCount() == 0) {
                  writing.set(false);
                }
              }));
    }
    threads.forEach(Thread::start);
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(shared.get(slot, database::get)).isEqualTo(40_000);
    assertThat(shared.get(slot, () -> -1)).isEqualTo(40_000);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
