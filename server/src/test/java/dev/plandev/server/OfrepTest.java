package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.openfeature.contrib.providers.ofrep.OfrepProvider;
import dev.openfeature.contrib.providers.ofrep.OfrepProviderOptions;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults read as flags by the real OpenFeature Java SDK through its OFREP provider. */
class OfrepTest {
  @TempDir Path dir;
  ServerFixture f;
  Client client;

  @BeforeEach
  void start() {
    f = new ServerFixture(dir);
    f.post("/api/v1/defaults", f.editor, "{\"key\":\"ui.color\",\"value\":\"blue\"}");
    f.post(
        "/api/v1/defaults",
        f.editor,
        "{\"key\":\"ui.color\",\"value\":\"red\",\"context\":{\"env\":\"prod\"}}");
    f.post(
        "/api/v1/defaults",
        f.editor,
        "{\"key\":\"ui.color\",\"value\":\"green\",\"context\":{\"user\":\"ada\"}}");
    f.post("/api/v1/defaults", f.editor, "{\"key\":\"http.retries\",\"value\":3}");
    f.post("/api/v1/defaults", f.editor, "{\"key\":\"search.enabled\",\"value\":true}");
    f.post("/api/v1/defaults", f.editor, "{\"key\":\"limits\",\"value\":{\"rps\":10}}");
    OfrepProviderOptions options =
        OfrepProviderOptions.builder()
            .baseUrl(f.server.url().toString())
            .headers(ImmutableMap.of("Authorization", ImmutableList.of("Bearer " + f.reader)))
            .build();
    OpenFeatureAPI.getInstance()
        .setProviderAndWait("plandev", OfrepProvider.constructProvider(options));
    client = OpenFeatureAPI.getInstance().getClient("plandev");
  }

  @AfterEach
  void stop() {
    OpenFeatureAPI.getInstance().shutdown();
    f.close();
  }

  @Test
  void sdk_readsTypedValues_withTargeting() {
    FlagEvaluationDetails<String> prod =
        client.getStringDetails(
            "ui.color", "none", new ImmutableContext(Map.of("env", new Value("prod"))));
    assertThat(prod.getValue()).isEqualTo("red");
    assertThat(prod.getReason()).isEqualTo("TARGETING_MATCH");
    assertThat(prod.getVariant()).isEqualTo("env=prod");
    FlagEvaluationDetails<String> global = client.getStringDetails("ui.color", "none");
    assertThat(global.getValue()).isEqualTo("blue");
    assertThat(global.getReason()).isEqualTo("STATIC");
    assertThat(client.getStringValue("ui.color", "none", new ImmutableContext("ada")))
        .as("targetingKey is user")
        .isEqualTo("green");
    assertThat(client.getIntegerValue("http.retries", 0)).isEqualTo(3);
    assertThat(client.getBooleanValue("search.enabled", false)).isTrue();
    assertThat(
            client.getObjectValue("limits", new Value()).asStructure().getValue("rps").asInteger())
        .isEqualTo(10);
  }

  @Test
  void sdk_missingFlag_givesTheCallersDefault() {
    FlagEvaluationDetails<String> missing = client.getStringDetails("no.such.flag", "fallback");
    assertThat(missing.getValue()).isEqualTo("fallback");
    assertThat(missing.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
  }

  @Test
  void bulk_returnsEveryLiveKey_withEtag() {
    HttpResponse<String> r =
        f.post("/ofrep/v1/evaluate/flags", f.reader, "{\"context\":{\"env\":\"prod\"}}");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode flags = f.body(r).get("flags");
    assertThat(flags.size()).isEqualTo(4);
    assertThat(flags.toString()).contains("\"red\"");
    String etag = r.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> same =
        f.send(
            f.request("/ofrep/v1/evaluate/flags", f.reader)
                .header("If-None-Match", etag)
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"context\":{\"env\":\"prod\"}}"))
                .build());
    assertThat(same.statusCode()).isEqualTo(304);
  }

  @Test
  void invalidContext_andMissingKey() {
    HttpResponse<String> bad =
        f.post(
            "/ofrep/v1/evaluate/flags/ui.color", f.reader, "{\"context\":{\"nested\":{\"a\":1}}}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(f.body(bad).get("errorCode").asText()).isEqualTo("INVALID_CONTEXT");
    assertThat(f.body(bad).get("errorDetails").asText())
        .isEqualTo("context.nested: must be a string, number or boolean");
    assertThat(f.post("/ofrep/v1/evaluate/flags/ui.color", null, "{}").statusCode()).isEqualTo(401);
  }
}
