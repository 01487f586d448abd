package dev.plandev.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.ConfigLoader;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.security.Role;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real service on a random port over a temp SQLite store, with one key per role. */
final class ServerFixture implements AutoCloseable {
  final SmartDefaults defaults;
  final PlandevServer server;
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final String admin;
  final String editor;
  final String reader;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final ObjectMapper json = new ObjectMapper();

  ServerFixture(Path dir, Map<String, String> settings) {
    this(dir, settings, Map.of());
  }

  /** A service with extra servlets mounted beside the API, as {@code plandev serve} mounts MCP. */
  ServerFixture(Path dir, Map<String, String> settings, Map<String, HttpServlet> mounts) {
    this(dir, settings, mounts, Clock.systemUTC());
  }

  /**
   * A service whose HTTP layer (rate limits, remembered wrong keys) runs on {@code serverClock}: a
   * {@code TestClock} that stands still makes a rate limit exact, whatever the machine's load.
   */
  ServerFixture(
      Path dir, Map<String, String> settings, Map<String, HttpServlet> mounts, Clock serverClock) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("dataDir", dir.toString());
    flags.put("server.port", "0");
    flags.putAll(settings);
    PlandevConfig config = new ConfigLoader(dir, Map.of()).load(null, flags, Map.of()).config();
    defaults = SmartDefaults.open(config, Clock.systemUTC(), registry);
    Actor setup = Actor.of("setup");
    admin = defaults.apiKeys().create("admin", Role.ADMIN, setup).secret();
    editor = defaults.apiKeys().create("editor", Role.EDITOR, setup).secret();
    reader = defaults.apiKeys().create("reader", Role.READER, setup).secret();
    server = PlandevServer.start(defaults, registry, serverClock, mounts);
  }

  ServerFixture(Path dir) {
    this(dir, Map.of());
  }

  /** A request builder for a path, with the given key (or none when null). */
  HttpRequest.Builder request(String path, String key) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(20));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return b;
  }

  HttpResponse<String> send(HttpRequest r) {
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path, String key) {
    return send(request(path, key).GET().build());
  }

  HttpResponse<String> post(String path, String key, String body) {
    return send(
        request(path, key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  JsonNode body(HttpResponse<String> r) {
    try {
      return json.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }

  @Override
  public void close() {
    server.close();
    defaults.close();
  }
}
