package dev.plandev.bench;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.ConfigLoader;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.security.Role;
import dev.plandev.server.PlandevServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The web UI's pages as a signed-in browser gets them, over HTTP from a real service whose plan
 * root holds the 99 corpus plans: the portfolio (home page: every plan's title, progress, last
 * change and lint count; warm, so summaries come from the per-file cache), the largest plan's page
 * (626 KB, parsed, linted and rendered on every request) and a task toggle's round trip.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar WebUiBenchmark} from the repository root
 * (the corpus is read from {@code ../shared/corpus/plans}, or {@code -Dplandev.corpus=DIR}).
 * Targets (issue 14): home under 300 ms, largest plan under 1 s, toggle under 100 ms.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WebUiBenchmark {
  Path dir;
  SmartDefaults defaults;
  PlandevServer server;
  HttpClient http;
  String cookie;
  String largest;
  String csrf;
  String version;
  boolean checked;

  @Setup(Level.Trial)
  public void start() throws IOException, InterruptedException {
    Path corpus = Path.of(System.getProperty("plandev.corpus", "../shared/corpus/plans"));
    dir = Files.createTempDirectory("plandev-web-bench");
    Path plans = Files.createDirectories(dir.resolve("plans"));
    try (Stream<Path> files = Files.list(corpus)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".md")).toList()) {
        Files.copy(p, plans.resolve(p.getFileName()));
      }
    }
    try (Stream<Path> files = Files.list(plans)) {
      largest =
          files
              .max(Comparator.comparingLong(p -> p.toFile().length()))
              .orElseThrow()
              .getFileName()
              .toString();
    }
    Path toggled = plans.resolve("bench-toggle.md");
    Files.writeString(toggled, "# Toggle\n\n- [ ] one task\n");
    version = sha256(Files.readAllBytes(toggled));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PlandevConfig config =
        new ConfigLoader(dir, Map.of())
            .load(
                null,
                Map.of(
                    "dataDir",
                    dir.resolve("data").toString(),
                    "server.port",
                    "0",
                    "server.rateLimit",
                    "0",
                    "server.planRoots",
                    plans.toString()),
                Map.of())
            .config();
    defaults = SmartDefaults.open(config, Clock.systemUTC(), registry);
    String key = defaults.apiKeys().create("bench", Role.EDITOR, Actor.of("bench")).secret();
    server = PlandevServer.start(defaults, registry, Clock.systemUTC());
    http = HttpClient.newHttpClient();
    cookie = signIn(key);
    Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(get("/"));
    if (!token.find()) {
      throw new IllegalStateException("no anti-forgery token on the home page");
    }
    csrf = token.group(1);
  }

  private static String sha256(byte[] content) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String signIn(String key) throws IOException, InterruptedException {
    HttpResponse<String> form =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + "/login")).build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
    if (!token.find()) {
      throw new IllegalStateException("no sign-in form at /login");
    }
    String loginCookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    HttpResponse<String> signedIn =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + "/login"))
                .header("Cookie", loginCookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "csrf="
                            + token.group(1)
                            + "&key="
                            + URLEncoder.encode(key, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return signedIn.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("plandev_session="))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("sign-in failed: " + signedIn.statusCode()))
        .split(";")[0];
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Cookie", cookie)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode());
    }
    return r.body();
  }

  /** The portfolio of the 99 corpus plans. */
  @Benchmark
  public String homePage() throws IOException, InterruptedException {
    return get("/");
  }

  /** The page of the largest corpus plan. */
  @Benchmark
  public String largestPlanPage() throws IOException, InterruptedException {
    return get("/plan?file=" + URLEncoder.encode(largest, StandardCharsets.UTF_8));
  }

  /**
   * A checkbox click's round trip: the toggle request (lock, version check, one-byte write), as the
   * plan page's script sends it; each call flips the same task back.
   */
  @Benchmark
  public String toggleRoundTrip() throws IOException, InterruptedException {
    checked = !checked;
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + "/plan/toggle"))
                .header("Cookie", cookie)
                .header("X-CSRF-Token", csrf)
                .header("X-Requested-With", "plandev")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "file=bench-toggle.md&line=3&version=" + version + "&checked=" + checked))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher next = Pattern.compile("\"version\":\"([0-9a-f]+)\"").matcher(r.body());
    if (r.statusCode() != 200 || !next.find()) {
      throw new IllegalStateException("toggle answered " + r.statusCode() + ": " + r.body());
    }
    version = next.group(1);
    return version;
  }

  @TearDown(Level.Trial)
  public void stop() {
    server.close();
    defaults.close();
  }
}
