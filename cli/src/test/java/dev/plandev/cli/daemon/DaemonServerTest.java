package dev.plandev.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.cli.Plandev;
import dev.plandev.cli.invocation.Environment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon served in this JVM on a socket in a temporary folder, driven by a Java client speaking
 * its frames: what it runs gives the same output, files and exit codes as the command run
 * in-process, and it declines, stops and cancels as documented.
 */
class DaemonServerTest {
  static final String[] HYGEN_NEW = {
    "--data", "data", "new", "plan-dev", "new", "--yes", "--title", "Cache Redis à deux niveaux",
    "--version", "v2026-01", "--description", "Une phrase.", "--phases", "5", "--author", "bench"
  };

  @TempDir Path tmp;
  private DaemonFolder folder;
  private Path jar;
  private MutableClock clock;
  private DaemonServer server;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private Map<String, String> variables;

  @BeforeEach
  void start() throws IOException {
    folder = new DaemonFolder(tmp.resolve("d"));
    jar = Files.writeString(tmp.resolve("plandev.jar"), "the jar");
    clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    variables = new HashMap<>(Map.of("USER", "tester", "HOME", tmp.toString()));
    server = startServer(Duration.ofHours(3));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private DaemonServer startServer(Duration idle) throws IOException {
    Environment daemonEnv =
        new Environment(
            Map.of("USER", "tester"),
            tmp,
            tmp,
            "Linux",
            clock,
            InputStream0.EMPTY,
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            false);
    DaemonServer s =
        DaemonServer.bind(
            folder,
            DaemonInfo.ofThisProcess(jar, clock.instant()),
            Plandev::run,
            daemonEnv,
            clock,
            idle,
            new PrintStream(log, true, StandardCharsets.UTF_8));
    Thread accept = new Thread(s::serve, "test-daemon");
    accept.setDaemon(true);
    accept.start();
    return s;
  }

  /** The same command line run in this JVM, as {@code java -jar plandev.jar} would. */
  private TestClient.Reply inProcess(Path dir, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Environment env =
        new Environment(
            Map.copyOf(variables),
            dir,
            tmp,
            "Linux",
            Clock.systemUTC(),
            InputStream0.EMPTY,
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            false);
    int code = Plandev.run(env, args);
    return new TestClient.Reply(out.toString(), err.toString(), code, null);
  }

  private TestClient.Reply daemon(Path dir, String... args) throws IOException {
    return TestClient.run(folder, TestClient.request(dir, Map.copyOf(variables), args));
  }

  private Path hygenProject(String name) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    assertThat(inProcess(dir, "--data", "data", "new", "--copy-hygen", "plan-dev").code()).isZero();
    return dir;
  }

  private static Map<String, String> filesUnder(Path dir) throws IOException {
    Map<String, String> files = new HashMap<>();
    try (Stream<Path> all = Files.walk(dir.resolve("roadmaps"))) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), Files.readString(p));
      }
    }
    return files;
  }

  @Test
  void newOnHygenGenerator_sameOutputAndFilesAsInProcess() throws IOException {
    Path direct = hygenProject("direct");
    Path served = hygenProject("served");
    TestClient.Reply expected = inProcess(direct, HYGEN_NEW);
    TestClient.Reply actual = daemon(served, HYGEN_NEW);
    assertThat(expected.code()).isZero();
    assertThat(actual).isEqualTo(expected);
    assertThat(filesUnder(served)).isEqualTo(filesUnder(direct)).isNotEmpty();
    // again: the daemon's engine stays open and gives the same
    TestClient.Reply again = daemon(served, concat(HYGEN_NEW, "--force"));
    assertThat(again).isEqualTo(inProcess(direct, concat(HYGEN_NEW, "--force")));
    assertThat(server.status()).contains("requests served: 2", "engines opened: 1");
  }

  @Test
  void exitCodes_0_1_2_andOutputs_asInProcess() throws IOException {
    List<String[]> lines =
        List.of(
            new String[] {"--data", "data", "defaults", "set", "daemon.key", "v1"},
            new String[] {"--data", "data", "defaults", "get", "daemon.key"},
            new String[] {"--data", "data", "defaults", "get", "no.such.key"},
            new String[] {"--data", "data", "defaults", "get", "--no-such-option"},
            new String[] {"new", "--list"},
            new String[] {"--version"});
    List<Integer> codes = new java.util.ArrayList<>();
    Path direct = Files.createDirectories(tmp.resolve("direct"));
    Path served = Files.createDirectories(tmp.resolve("served"));
    for (String[] args : lines) {
      TestClient.Reply expected = inProcess(direct, args);
      assertThat(daemon(served, args)).as(String.join(" ", args)).isEqualTo(expected);
      codes.add(expected.code());
    }
    assertThat(codes).containsExactly(0, 0, 1, 2, 0, 0);
  }

  @Test
  void declines_whatNeedsATerminalOrRunsLong() throws IOException {
    assertThat(daemon(tmp, "serve").declined()).contains("serve");
    assertThat(daemon(tmp, "--data", "x", "mcp").declined()).contains("mcp");
    assertThat(daemon(tmp, "daemon", "status").declined()).isNotNull();
    assertThat(daemon(tmp, "--version", "--verbose").declined()).contains("--verbose");
    assertThat(daemon(tmp, "status", "plan.md").declined()).contains("working directory");
    Request atTerminal =
        new Request(
            Frames.PROTOCOL,
            tmp,
            true,
            true,
            80,
            List.of("new", "plan-dev"),
            Map.copyOf(variables));
    assertThat(TestClient.run(folder, atTerminal).declined()).contains("ask");
    Request yes =
        new Request(
            Frames.PROTOCOL, tmp, true, true, 80, List.of("new", "--list"), Map.copyOf(variables));
    assertThat(TestClient.run(folder, yes).code()).isZero();
    variables.put("LANG", "en_US.UTF-8");
    assertThat(daemon(tmp, "--version").declined()).contains("LANG");
    Request older = new Request(0, tmp, false, false, 80, List.of("--version"), Map.of());
    assertThat(TestClient.run(folder, older).declined()).contains("protocol");
    assertThat(server.status()).contains("requests declined: 8");
  }

  @Test
  void jarChanged_declinedAndTheDaemonStops() throws Exception {
    assertThat(daemon(tmp, "--version").code()).isZero();
    Files.writeString(jar, "a rebuilt jar, longer");
    assertThat(daemon(tmp, "--version").declined()).contains("jar changed");
    server.awaitStopped();
    assertThat(DaemonClient.answers(folder)).isFalse();
    assertThat(folder.socket()).doesNotExist();
    assertThat(folder.info()).doesNotExist();
  }

  @Test
  void idle_stopsAfterTheTimeoutWithoutARequest() throws IOException {
    clock.advance(Duration.ofHours(2));
    assertThat(daemon(tmp, "--version").code()).isZero(); // a request restarts the count
    clock.advance(Duration.ofHours(2));
    assertThat(server.stopIfIdle()).isFalse();
    clock.advance(Duration.ofHours(1));
    assertThat(server.stopIfIdle()).isTrue();
    assertThat(DaemonClient.answers(folder)).isFalse();
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("idle for PT3H: stopping");
  }

  @Test
  void stop_finishesTheRunningRequestFirst() throws Exception {
    try (TestClient running = TestClient.connect(folder)) {
      running.send(TestClient.request(tmp, Map.copyOf(variables), importFromStdin()));
      running.awaitWantsStdin();
      CompletableFuture<Boolean> stopping =
          CompletableFuture.supplyAsync(() -> DaemonClient.stop(folder));
      awaitNoNewConnections();
      assertThat(stopping).isNotDone();
      running.stdin(ENTRIES);
      TestClient.Reply reply = running.awaitEnd();
      assertThat(reply.code()).as(reply.err()).isZero();
      assertThat(reply.out()).contains("1");
      assertThat(stopping.get(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(folder.socket()).doesNotExist();
  }

  @Test
  void cancel_interruptsTheCommand_exit130_nothingPrinted() throws IOException {
    try (TestClient running = TestClient.connect(folder)) {
      running.send(TestClient.request(tmp, Map.copyOf(variables), importFromStdin()));
      running.awaitWantsStdin();
      running.cancel();
      TestClient.Reply reply = running.awaitEnd();
      assertThat(reply).isEqualTo(new TestClient.Reply("", "", 130, null));
    }
    // the daemon goes on serving, with a fresh engine
    assertThat(daemon(tmp, "--data", "data", "defaults", "list").code()).isZero();
  }

  @Test
  void concurrentRequests_keepTheirOwnDirectoriesEnvironmentsAndOutputs() throws Exception {
    Path one = hygenProject("one");
    Path two = hygenProject("two");
    try (TestClient first = TestClient.connect(folder)) {
      Map<String, String> firstEnv = new HashMap<>(variables);
      firstEnv.put("USER", "first");
      first.send(TestClient.request(one, firstEnv, importFromStdin()));
      first.awaitWantsStdin();
      // while the first waits for its input, a second runs whole in another folder
      variables.put("USER", "second");
      TestClient.Reply second = daemon(two, HYGEN_NEW);
      assertThat(second.code()).as(second.err()).isZero();
      first.stdin(ENTRIES);
      TestClient.Reply firstReply = first.awaitEnd();
      assertThat(firstReply.code()).as(firstReply.err()).isZero();
      assertThat(second.out()).contains("roadmaps/plans/").doesNotContain("imported");
      assertThat(firstReply.out()).doesNotContain("roadmaps");
    }
    assertThat(two.resolve("roadmaps")).isDirectory();
    assertThat(one.resolve("roadmaps")).doesNotExist();
    assertThat(one.resolve("data/defaults.db")).exists();
    assertThat(inProcess(one, "--data", "data", "defaults", "get", "daemon.test", "--json").out())
        .contains("from-stdin");
  }

  private static final String ENTRIES = "[{\"key\": \"daemon.test\", \"value\": \"from-stdin\"}]";

  private static String[] importFromStdin() {
    return new String[] {"--data", "data", "defaults", "import", "-"};
  }

  /** Waits for the event itself: stopping closes the socket before waiting for the running run. */
  private void awaitNoNewConnections() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (DaemonClient.answers(folder)) {
      assertThat(System.nanoTime()).as("the daemon stops listening").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** An empty standard input. */
  static final class InputStream0 {
    static final java.io.InputStream EMPTY = new ByteArrayInputStream(new byte[0]);
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
