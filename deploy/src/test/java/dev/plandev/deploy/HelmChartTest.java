package dev.plandev.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import dev.plandev.defaults.config.ConfigLoader;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.server.Telemetry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart, linted and rendered by a real Helm (helm-java bundles Helm's library), for its
 * default values and for the values without Redis; the rendered objects are read back and checked,
 * down to the service's own configuration loader accepting the environment the pods get.
 */
class HelmChartTest {
  private static final Path CHART = DeployFiles.path("deploy/helm/plandev");

  /** The rendered manifests, by {@code Kind/name}. */
  private static Map<String, JsonNode> render(Path valuesFile) throws IOException {
    var template = new Helm(CHART).template().withName("plandev").withNamespace("ops");
    if (valuesFile != null) {
      template = template.withValuesFile(valuesFile);
    }
    String yaml = template.call();
    Map<String, JsonNode> objects = new LinkedHashMap<>();
    try (JsonParser parser = DeployFiles.YAML.getFactory().createParser(yaml);
        MappingIterator<JsonNode> docs = DeployFiles.YAML.readValues(parser, JsonNode.class)) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && doc.has("kind")) {
          objects.put(doc.get("kind").asText() + "/" + doc.at("/metadata/name").asText(), doc);
        }
      }
    }
    return objects;
  }

  private static JsonNode container(Map<String, JsonNode> objects) {
    return objects.get("Deployment/plandev").at("/spec/template/spec/containers/0");
  }

  /**
   * The container's environment: plain values, and secret references as {@code secret:name/key}.
   */
  private static Map<String, String> env(JsonNode container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode e : container.get("env")) {
      JsonNode ref = e.at("/valueFrom/secretKeyRef");
      env.put(
          e.get("name").asText(),
          ref.isMissingNode()
              ? e.get("value").asText()
              : "secret:" + ref.get("name").asText() + "/" + ref.get("key").asText());
    }
    return env;
  }

  /** What the service makes of the pods' environment, with test values in place of secrets. */
  private static PlandevConfig configOf(Map<String, String> env) {
    Map<String, String> resolved = new LinkedHashMap<>();
    env.forEach(
        (k, v) -> {
          if (k.startsWith("PLANDEV_")) {
            resolved.put(
                k,
                v.endsWith("/encryption-key")
                    ? Base64.getEncoder().encodeToString(new byte[32])
                    : v.endsWith("/api-key")
                        ? "pdk_" + "A".repeat(32)
                        : v.startsWith("secret:") ? "test-password" : v);
          }
        });
    return new ConfigLoader(Path.of("."), resolved).load(null).config();
  }

  @Test
  void chart_passesHelmLint() {
    LintResult lint = new Helm(CHART).lint().strict().call();
    assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
  }

  @Test
  void defaults_threeReplicas_probes_secrets_resources_andABudget() throws IOException {
    Map<String, JsonNode> objects = render(null);
    assertThat(objects.keySet())
        .containsExactlyInAnyOrder(
            "Deployment/plandev",
            "Service/plandev",
            "Secret/plandev",
            "PodDisruptionBudget/plandev");
    JsonNode deployment = objects.get("Deployment/plandev");
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
    JsonNode c = container(objects);
    assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/ready");
    // Liveness asks no dependency: on /health, a database outage would restart every replica.
    assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/livez");
    assertThat(c.at("/livenessProbe/httpGet/port").asText()).isEqualTo("http");
    assertThat(c.at("/resources/requests/cpu").asText()).isNotEmpty();
    assertThat(c.at("/resources/limits/memory").asText()).isEqualTo("512Mi");
    assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean())
        .isTrue();

    Map<String, String> env = env(c);
    assertThat(env)
        .containsEntry("PLANDEV_POSTGRES_ENABLED", "true")
        .containsEntry("PLANDEV_REDIS_ENABLED", "true")
        .containsEntry("PLANDEV_REDIS_HOST", "redis")
        .containsEntry("PLANDEV_POSTGRES_PASSWORD", "secret:plandev/postgres-password")
        .containsEntry("PLANDEV_REDIS_PASSWORD", "secret:plandev/redis-password")
        .containsEntry("PLANDEV_SECURITY_ENCRYPTION_KEY", "secret:plandev/encryption-key")
        .containsEntry("PLANDEV_SECURITY_ADMIN_KEY", "secret:plandev/api-key");
    PlandevConfig config = configOf(env);
    assertThat(config.security().adminKey()).startsWith("pdk_");
    assertThat(config.postgres().enabled()).isTrue();
    assertThat(config.postgres().url()).isEqualTo("jdbc:postgresql://postgres:5432/plandev");
    assertThat(config.redis().enabled()).isTrue();
    assertThat(config.redis().host()).isEqualTo("redis");
    assertThat(config.monitoring().metricsPort()).isEqualTo(9464);

    JsonNode secret = objects.get("Secret/plandev");
    byte[] key =
        Base64.getDecoder()
            .decode(
                new String(
                    Base64.getDecoder().decode(secret.at("/data/encryption-key").asText()),
                    java.nio.charset.StandardCharsets.UTF_8));
    assertThat(key)
        .as("a generated AES-256 key, base64 as security.encryptionKey wants")
        .hasSize(32);
    assertThat(
            new String(
                Base64.getDecoder().decode(secret.at("/data/api-key").asText()),
                java.nio.charset.StandardCharsets.UTF_8))
        .as("a generated API key in the form security.adminKey accepts")
        .matches("pdk_[A-Za-z0-9]{32}");
    assertThat(secret.at("/metadata/annotations/helm.sh~1resource-policy").asText())
        .isEqualTo("keep");

    JsonNode pdb = objects.get("PodDisruptionBudget/plandev");
    assertThat(pdb.at("/spec/minAvailable").asInt()).isEqualTo(2);
    assertThat(pdb.at("/spec/selector/matchLabels"))
        .isEqualTo(deployment.at("/spec/selector/matchLabels"));
    assertThat(objects.get("Service/plandev").at("/spec/selector"))
        .isEqualTo(deployment.at("/spec/template/metadata/labels"));
  }

  @Test
  void termination_waitsForTheServiceToDrainItsRequests() throws IOException {
    Map<String, JsonNode> objects = render(null);
    JsonNode pod = objects.get("Deployment/plandev").at("/spec/template/spec");
    JsonNode c = container(objects);
    PlandevConfig config = configOf(env(c));
    long drain = config.server().shutdownTimeout().toSeconds();
    long preStop = Long.parseLong(c.at("/lifecycle/preStop/exec/command/1").asText());
    long grace = pod.get("terminationGracePeriodSeconds").asLong();
    assertThat(drain).as("server.shutdownTimeout").isEqualTo(20);
    assertThat(preStop).isPositive();
    assertThat(grace)
        .as("the pod is killed only after the pre-stop pause, the drain and the last export")
        .isGreaterThan(preStop + drain + Telemetry.EXPORT_ON_CLOSE.toSeconds());
  }

  @Test
  void withoutRedis_noRedisSettings_andAnExistingSecret() throws IOException {
    Map<String, JsonNode> objects =
        render(DeployFiles.path("deploy/helm/plandev/ci/no-redis-values.yaml"));
    assertThat(objects.keySet())
        .containsExactlyInAnyOrder(
            "Deployment/plandev", "Service/plandev", "PodDisruptionBudget/plandev");
    assertThat(objects.get("Deployment/plandev").at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(objects.get("PodDisruptionBudget/plandev").at("/spec/minAvailable").asInt())
        .isEqualTo(1);
    Map<String, String> env = env(container(objects));
    assertThat(env).containsEntry("PLANDEV_REDIS_ENABLED", "false");
    assertThat(env.keySet())
        .noneMatch(k -> k.startsWith("PLANDEV_REDIS_") && !k.endsWith("ENABLED"));
    assertThat(env)
        .containsEntry(
            "PLANDEV_SECURITY_ENCRYPTION_KEY", "secret:plandev-credentials/encryption-key")
        .containsEntry("PLANDEV_SECURITY_ADMIN_KEY", "secret:plandev-credentials/api-key");
    PlandevConfig config = configOf(env);
    assertThat(config.redis().enabled()).isFalse();
    assertThat(config.postgres().enabled()).isTrue();
  }

  @Test
  void pods_runTheJvmAsTheOtherWaysToRunServeDo() throws IOException {
    Matcher dockerEnv =
        Pattern.compile("ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\"")
            .matcher(DeployFiles.text("Dockerfile"));
    assertThat(dockerEnv.find()).isTrue();
    assertThat(env(container(render(null)))).containsEntry("JAVA_TOOL_OPTIONS", dockerEnv.group(1));
    List<String> args = new ArrayList<>();
    container(render(null)).get("args").forEach(a -> args.add(a.asText()));
    assertThat(args).containsExactly("serve", "--host", "0.0.0.0", "--port", "8080");
  }
}
