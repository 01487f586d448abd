package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while clients write: the process stops cleanly, every write it acknowledged (201) is in
 * the store afterwards, and no request fails inside the service (a 503 for a request that arrives
 * once shutdown has begun is the service declining new work, and is allowed).
 */
class GracefulShutdownTest {
  @TempDir Path dir;

  @Test
  void sigterm_finishesInFlightRequests_andLosesNoAcknowledgedWrite() throws Exception {
    Process child = ChildJvm.start(ServeMain.class, dir.toString());
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String[] ready = out.readLine().split(" ");
    ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    Thread reader = collectLines(out, lines);
    assertThat(ready[0]).isEqualTo("READY");
    Writers writers = new Writers(URI.create("http://127.0.0.1:" + ready[1]), ready[2]);
    writers.start();
    assertThat(writers.twoHundredAcknowledged.await(60, TimeUnit.SECONDS))
        .as("200 writes acknowledged before SIGTERM")
        .isTrue();
    // kill(1) rather than Process.destroy(), which would also close our end of the child's stdout.
    new ProcessBuilder("kill", "-TERM", Long.toString(child.pid())).start().waitFor();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    writers.awaitStop();
    reader.join(10_000);
    assertThat(List.copyOf(lines)).contains("STOPPED");
    assertThat(child.exitValue()).isEqualTo(143);
    assertThat(writers.serverErrors.get()).as("failed requests other than 503").isZero();
    System.out.printf(
        "GracefulShutdownTest: %d acknowledged, %d declined with 503 during shutdown%n",
        writers.acknowledged.size(), writers.declined.get());
    assertStored(writers.acknowledged);
  }

  /** Reads the child's output lines in the background (it prints STOPPED when it is done). */
  private static Thread collectLines(BufferedReader out, ConcurrentLinkedQueue<String> lines) {
    Thread reader =
        new Thread(
            () -> {
              try {
                for (String l; (l = out.readLine()) != null; ) {
                  lines.add(l);
                }
              } catch (IOException e) {
                lines.add("read failed: " + e.getMessage());
              }
            });
    reader.start();
    return reader;
  }

  private void assertStored(ConcurrentLinkedQueue<String> acknowledged) {
    try (SmartDefaults reopened =
        SmartDefaults.open(
            PlandevConfig.defaults().withDataDir(dir.toString()), Clock.systemUTC())) {
      for (String k : acknowledged) {
        assertThat(reopened.store().find(k, dev.plandev.defaults.model.Context.EMPTY))
            .as(k)
            .isPresent();
      }
    }
  }

  /**
   * Four clients creating entries ({@code w<client>.<n>}) until the service stops taking
   * connections, sorting every answer: acknowledged (201), declined (503) or a server error.
   */
  private static final class Writers {
    private static final int CLIENTS = 4;
    final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    final AtomicInteger serverErrors = new AtomicInteger();
    final AtomicInteger declined = new AtomicInteger();

    /** Opens once 200 writes are acknowledged: then the test sends SIGTERM. */
    final CountDownLatch twoHundredAcknowledged = new CountDownLatch(200);

    private final HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    private final URI base;
    private final String key;

    Writers(URI base, String key) {
      this.base = base;
      this.key = key;
    }

    void start() {
      for (int t = 0; t < CLIENTS; t++) {
        int client = t;
        clients.submit(() -> write(client));
      }
    }

    private void write(int client) {
      for (int i = 0; ; i++) {
        String k = "w" + client + "." + i;
        HttpRequest r =
            HttpRequest.newBuilder(base.resolve("/api/v1/defaults"))
                .header("Authorization", "Bearer " + key)
                .POST(
                    HttpRequest.BodyPublishers.ofString("{\"key\":\"" + k + "\",\"value\":\"v\"}"))
                .build();
        try {
          sort(k, http.send(r, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
          return; // the listener has closed: stop this client
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    private void sort(String k, HttpResponse<String> resp) {
      if (resp.statusCode() == 201) {
        acknowledged.add(k);
        twoHundredAcknowledged.countDown();
      } else if (resp.statusCode() == 503) {
        declined.incrementAndGet();
      } else {
        serverErrors.incrementAndGet();
        System.out.println("GracefulShutdownTest: " + resp.statusCode() + " " + resp.body());
      }
    }

    void awaitStop() throws InterruptedException {
      clients.shutdown();
      assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
