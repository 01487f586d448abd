package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.server.HostileRequests.HostileRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: ten thousand hostile requests, generated from a fixed seed, across every route of the
 * OpenAPI document and with every role's key. None may fail inside the service (5xx) or let a stack
 * trace or Java type name out, every refusal is a JSON problem, and afterwards the service still
 * answers health and a plain resolve.
 *
 * <p>Request {@code i} is drawn by {@link HostileRequests} from the {@code i}-th split of a {@link
 * SplittableRandom} seeded with {@link #SEED}, on this thread, so it is the same request whatever
 * else runs. The test hands each request to a few keep-alive connections, so generating the next
 * requests overlaps with sending these; {@code -Dplandev.fuzz.clients=1} sends them one by one in
 * generation order, to replay a run exactly. Failures are collected, not thrown at the first, so a
 * run lists every defect, each with its index; the seed is printed with the counts by status. To
 * replay one request: {@code -Dplandev.fuzz.seed=SEED -Dplandev.fuzz.only=INDEX
 * -Dplandev.fuzz.clients=1}.
 */
class HostileRequestFuzzTest {
  static final long SEED = Long.getLong("plandev.fuzz.seed", 20261201L);
  static final int TRIES = 10_000;
  private static final int CLIENTS = Integer.getInteger("plandev.fuzz.clients", 3);

  /** The one request index to send, or -1 for all of them. */
  private static final int ONLY = Integer.getInteger("plandev.fuzz.only", -1);

  private static Path dir;
  private static ServerFixture fixture;
  private static Map<String, String> authorizations;
  private static ExecutorService clients;
  private static ThreadLocal<KeepAliveConnection> connections;
  private static final List<KeepAliveConnection> OPENED =
      Collections.synchronizedList(new ArrayList<>());
  private static final SortedMap<Integer, Integer> COUNTS = new ConcurrentSkipListMap<>();
  private static final List<String> DEFECTS = Collections.synchronizedList(new ArrayList<>());
  private static final Set<String> ROUTES_SENT = Collections.synchronizedSet(new TreeSet<>());
  private static final Set<String> ROLES_SENT = Collections.synchronizedSet(new TreeSet<>());
  private static long started;

  @BeforeAll
  static void start() throws IOException {
    dir = Files.createTempDirectory("plandev-fuzz");
    fixture =
        new ServerFixture(
            dir,
            Map.of(
                "server.rateLimit",
                "0",
                "server.maxHeaderBytes",
                Integer.toString(HostileRequests.HEADER_LIMIT)));
    authorizations =
        Map.of(
            "admin", "Bearer " + fixture.admin,
            "editor", "Bearer " + fixture.editor,
            "reader", "Bearer " + fixture.reader,
            "garbage", "Bearer pdk_notakey%00\u00e9");
    int port = fixture.server.port();
    connections =
        ThreadLocal.withInitial(
            () -> {
              KeepAliveConnection c = new KeepAliveConnection(port);
              OPENED.add(c);
              return c;
            });
    // A full queue makes the property wait: generation never runs far ahead of the service.
    clients =
        new ThreadPoolExecutor(
            CLIENTS,
            CLIENTS,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(64),
            new ThreadPoolExecutor.CallerRunsPolicy());
    started = System.nanoTime();
  }

  @Test
  void hostileRequests_areRefusedOrServed_neverFail() throws Exception {
    List<HostileRequests.Route> routes = HostileRequests.routes(Docs.openapi());
    Gen<HostileRequest> hostile = HostileRequests.requests(Docs.openapi(), routes);
    SplittableRandom seeds = new SplittableRandom(SEED);
    int sent = 0;
    for (int i = 0; i < TRIES && (ONLY < 0 || i <= ONLY); i++) {
      // Every index takes its own split, so request i is the same whether or not others are sent.
      SplittableRandom random = seeds.split();
      if (ONLY >= 0 && i != ONLY) {
        continue;
      }
      int index = i;
      HostileRequest request = hostile.next(random);
      ROUTES_SENT.add(request.route());
      ROLES_SENT.add(request.role());
      sent++;
      if (CLIENTS == 1) {
        send(index, request);
      } else {
        clients.execute(() -> send(index, request));
      }
    }
    clients.shutdown();
    assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
    System.out.printf(
        "HostileRequestFuzzTest: seed %d, %d requests over %d connections in %d s;"
            + " counts by status (-1: no answer): %s%n",
        SEED,
        COUNTS.values().stream().mapToInt(Integer::intValue).sum(),
        CLIENTS,
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
        COUNTS);
    DEFECTS.stream().limit(60).forEach(d -> System.out.println("  DEFECT " + d));
    if (!DEFECTS.isEmpty()) {
      System.out.printf(
          "  replay one: -Dplandev.fuzz.seed=%d -Dplandev.fuzz.only=INDEX"
              + " -Dplandev.fuzz.clients=1%n",
          SEED);
    }
    assertThat(DEFECTS).as("defects (seed " + SEED + ")").isEmpty();
    assertThat(COUNTS.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(sent);
    if (ONLY < 0) {
      assertThat(sent).isEqualTo(TRIES);
      assertThat(ROUTES_SENT)
          .as("routes reached (seed " + SEED + ")")
          .containsExactlyInAnyOrderElementsOf(
              routes.stream().map(HostileRequests.Route::name).toList());
      assertThat(ROLES_SENT)
          .as("roles sent (seed " + SEED + ")")
          .containsExactlyInAnyOrderElementsOf(HostileRequests.ROLE_NAMES);
    }
    assertStillServing();
  }

  private static void send(int index, HostileRequest request) {
    KeepAliveConnection.Response r;
    try {
      r =
          connections
              .get()
              .send(
                  request.bytes(fixture.server.port(), authorizations),
                  request.method().equals("HEAD"));
    } catch (IOException | RuntimeException e) {
      COUNTS.merge(-1, 1, Integer::sum);
      DEFECTS.add(
          "#" + index + " (seed " + SEED + ") no answer (" + e + ") to " + request.describe());
      return;
    }
    COUNTS.merge(r.status(), 1, Integer::sum);
    String defect = defect(request, r);
    if (defect != null) {
      DEFECTS.add(
          "#"
              + index
              + " (seed "
              + SEED
              + ") "
              + r.status()
              + " "
              + defect
              + " for "
              + request.describe()
              + "\n    got: "
              + HostileRequests.cut(r.body()));
    }
  }

  /** What is wrong with the response, or null. */
  private static String defect(HostileRequest request, KeepAliveConnection.Response r) {
    if (r.status() >= 500) {
      return "server error";
    }
    // Metrics name JVM internals on purpose (memory pools, thread states): not a leak.
    if (HostileRequests.LEAK.matcher(r.body()).find() && !request.target().startsWith("/metrics")) {
      return "Java internals in the body";
    }
    // Some routes document their own JSON for an error (OFREP's errors, an import or batch
    // report); every other error is a problem.
    boolean jsonError =
        r.contentType().startsWith("application/problem+json")
            || (request.jsonErrors().contains(r.status())
                && r.contentType().startsWith("application/json"));
    if (r.status() >= 400 && !request.method().equals("HEAD") && !jsonError) {
      return "error answered as '" + r.contentType() + "', not problem+json";
    }
    return null;
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (clients != null) {
        clients.shutdownNow();
      }
      OPENED.forEach(KeepAliveConnection::close);
    } finally {
      if (fixture != null) {
        fixture.close();
      }
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void assertStillServing() {
    assertThat(fixture.get("/health", null).statusCode()).isEqualTo(200);
    var created =
        fixture.post(
            "/api/v1/defaults",
            fixture.admin,
            "{\"key\":\"after.fuzz\",\"value\":\"fine\",\"context\":{\"env\":\"prod\"}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    var resolved =
        fixture.get("/api/v1/defaults/resolve?key=after.fuzz&context[env]=prod", fixture.reader);
    assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
    assertThat(resolved.body()).contains("fine");
  }
}
