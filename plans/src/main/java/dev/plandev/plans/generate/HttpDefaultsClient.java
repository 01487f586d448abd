package dev.plandev.plans.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A {@link DefaultsClient} over the plandev HTTP service: {@code POST /api/v1/defaults/predict} and
 * {@code POST /api/v1/defaults/feedback} with JSON bodies, one correlation id per client (sent as
 * {@code X-Correlation-Id}) and an optional API key (sent as {@code Authorization: Bearer}).
 *
 * <p>Failures (unreachable service, timeout, status other than 2xx, an answer that is not JSON) are
 * thrown as {@link DefaultsUnavailableException}; {@link PlanGenerator} turns them into a warning
 * and goes on with static defaults.
 */
public final class HttpDefaultsClient implements DefaultsClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String apiKey;
  private final Duration timeout;
  private final HttpClient http;
  private final String correlationId = UUID.randomUUID().toString();

  /**
   * A client of the service at {@code base} (such as {@code http://127.0.0.1:8080}).
   *
   * @param apiKey the API key, or null when the service needs none
   * @param timeout the longest wait for one answer
   * @throws GenerationRequestException when {@code base} is not an http(s) address
   */
  public HttpDefaultsClient(URI base, String apiKey, Duration timeout) {
    this.base = Objects.requireNonNull(base, "base");
    if (base.getScheme() == null || !base.getScheme().startsWith("http")) {
      throw new GenerationRequestException(
          "the server address must look like http://host:port, not '" + base + "'");
    }
    this.apiKey = apiKey;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public List<SuggestedValue> suggest(String key, Map<String, String> context, int limit) {
    ObjectNode body = JSON.createObjectNode();
    body.put("key", key);
    body.set("context", JSON.valueToTree(context));
    body.put("limit", limit);
    JsonNode answer = post("/api/v1/defaults/predict", body);
    JsonNode list = answer.isArray() ? answer : answer.path("predictions");
    List<SuggestedValue> values = new ArrayList<>();
    for (JsonNode p : list) {
      if (p.hasNonNull("value")) {
        values.add(
            new SuggestedValue(
                p.get("value").asText(),
                p.path("confidence").asDouble(0),
                p.path("reason").asText("")));
      }
    }
    return values;
  }

  @Override
  public void feedback(
      String key, Map<String, String> context, String value, String outcome, String suggested) {
    ObjectNode body = JSON.createObjectNode();
    body.put("key", key);
    body.set("context", JSON.valueToTree(context));
    body.put("value", value);
    body.put("outcome", outcome);
    body.put("suggested", suggested);
    body.put("source", "cli");
    post("/api/v1/defaults/feedback", body);
  }

  private JsonNode post(String path, JsonNode body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("X-Correlation-Id", correlationId)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (apiKey != null && !apiKey.isBlank()) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DefaultsUnavailableException(
          "cannot reach the plandev service at " + base + " (" + why(e) + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DefaultsUnavailableException(
          "stopped while waiting for the plandev service at " + base, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new DefaultsUnavailableException(
          "POST "
              + base.resolve(path)
              + " answered "
              + response.statusCode()
              + " (correlation id "
              + correlationId
              + "): "
              + abbreviate(response.body()),
          null);
    }
    String text = response.body();
    if (text == null || text.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new DefaultsUnavailableException(
          "POST "
              + base.resolve(path)
              + " answered with something that is not JSON (correlation id "
              + correlationId
              + "): "
              + abbreviate(text),
          e);
    }
  }

  /** Why the service could not be reached, in words rather than an exception's class name. */
  private String why(IOException e) {
    if (e instanceof HttpConnectTimeoutException || e instanceof HttpTimeoutException) {
      return "no answer within " + timeout.toMillis() + " ms";
    }
    if (e instanceof ConnectException) {
      return "nothing answers there; start it with plandev serve, or check the address";
    }
    return e.getMessage() == null ? "the connection failed" : e.getMessage();
  }

  private static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    return body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }
}
