package dev.plandev.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A write and read load on a service that keeps a record of every answer: the keys of the writes
 * acknowledged with a 2xx (to be found in the database afterwards), the failed answers (status and
 * body), and when each kind last succeeded ({@link System#nanoTime()}), for {@link
 * PostgresFailoverTest}. Writers create entries under keys of their own; readers read back entries
 * already written by id, a read that goes to the database every time.
 */
final class FailoverLoad implements AutoCloseable {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** One answer that was not a success. */
  record Failure(String what, int status, String body, long atNanos) {}

  private final String base;
  private final String key;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, String> acknowledged = new ConcurrentHashMap<>(); // key -> location
  private final List<String> locations = new CopyOnWriteArrayList<>();
  private final List<Failure> failures = new CopyOnWriteArrayList<>();
  private final AtomicLong lastWriteOk = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong lastReadOk = new AtomicLong(Long.MIN_VALUE);
  private final AtomicInteger readsOk = new AtomicInteger();
  private final AtomicInteger writesAttempted = new AtomicInteger();
  private final List<Thread> threads = new ArrayList<>();
  private final java.util.concurrent.CountDownLatch firstWrite =
      new java.util.concurrent.CountDownLatch(1);
  private volatile boolean stopping;

  private FailoverLoad(String base, String key) {
    this.base = base;
    this.key = key;
  }

  /** Starts {@code writers} and {@code readers} threads against the service at {@code base}. */
  static FailoverLoad start(String base, String key, int writers, int readers) {
    FailoverLoad load = new FailoverLoad(base, key);
    for (int w = 0; w < writers; w++) {
      int writer = w;
      load.threads.add(started(new Thread(() -> load.write(writer), "failover-writer-" + w)));
    }
    for (int r = 0; r < readers; r++) {
      load.threads.add(started(new Thread(load::read, "failover-reader-" + r)));
    }
    return load;
  }

  private static Thread started(Thread t) {
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void write(int writer) {
    for (int n = 0; !stopping; n++) {
      String entryKey = "failover.w" + writer + "." + n;
      writesAttempted.incrementAndGet();
      HttpResponse<String> r =
          send(
              "write " + entryKey,
              HttpRequest.newBuilder(URI.create(base + DefaultsApi.BASE))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"key\":\"" + entryKey + "\",\"value\":\"v" + n + "\"}")));
      if (r != null && r.statusCode() / 100 == 2) {
        String location = r.headers().firstValue("Location").orElseThrow();
        acknowledged.put(entryKey, location);
        locations.add(location);
        firstWrite.countDown();
        lastWriteOk.set(System.nanoTime());
      }
    }
  }

  private void read() {
    try {
      firstWrite.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    while (!stopping) {
      String location = locations.get(ThreadLocalRandom.current().nextInt(locations.size()));
      HttpResponse<String> r =
          send("read " + location, HttpRequest.newBuilder(URI.create(base + location)).GET());
      if (r != null && r.statusCode() == 200) {
        readsOk.incrementAndGet();
        lastReadOk.set(System.nanoTime());
      }
    }
  }

  /** The answer, or null when none came (recorded as a failure with status 0). */
  private HttpResponse<String> send(String what, HttpRequest.Builder request) {
    try {
      HttpResponse<String> r =
          http.send(
              request.header("Authorization", "Bearer " + key).timeout(REQUEST_TIMEOUT).build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        failures.add(new Failure(what, r.statusCode(), r.body(), System.nanoTime()));
      }
      return r;
    } catch (java.io.IOException e) {
      failures.add(new Failure(what, 0, String.valueOf(e), System.nanoTime()));
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
      return null;
    }
  }

  /** The keys of every write answered with a 2xx, with the location of its entry. */
  Map<String, String> acknowledged() {
    return Map.copyOf(acknowledged);
  }

  int readsOk() {
    return readsOk.get();
  }

  int writesAttempted() {
    return writesAttempted.get();
  }

  List<Failure> failures() {
    return List.copyOf(failures);
  }

  /** The failures of writes, answered after {@code sinceNanos}. */
  List<Failure> writeFailuresSince(long sinceNanos) {
    return failures.stream()
        .filter(f -> f.what().startsWith("write") && f.atNanos() - sinceNanos > 0)
        .toList();
  }

  /** Whether a write was acknowledged, and a read answered, after {@code nanos}. */
  boolean servedAfter(long nanos) {
    return lastWriteOk.get() - nanos > 0 && lastReadOk.get() - nanos > 0;
  }

  /** When the last write was acknowledged. */
  long lastWriteOk() {
    return lastWriteOk.get();
  }

  /** When the last read succeeded. */
  long lastReadOk() {
    return lastReadOk.get();
  }

  /** Stops the threads once their requests in flight are answered. */
  @Override
  public void close() throws InterruptedException {
    stopping = true;
    firstWrite.countDown(); // readers waiting for a first write that never came
    for (Thread t : threads) {
      t.join(REQUEST_TIMEOUT.toMillis() * 2);
    }
  }
}
