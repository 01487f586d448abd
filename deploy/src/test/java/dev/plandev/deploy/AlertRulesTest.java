package dev.plandev.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The alert rules shipped in {@code deploy/prometheus} are valid for Prometheus and pass their own
 * unit tests ({@code promtool test rules}), which would catch a changed threshold.
 */
class AlertRulesTest {
  static final String DIR = "deploy/prometheus";
  static final String RULES = "plandev-alerts.yml";
  static final String RULE_TESTS = "plandev-alerts.test.yml";

  @TempDir Path temp;

  /** Every alerting rule of the file. */
  static List<JsonNode> alerts() {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode group : DeployFiles.yaml(DIR + "/" + RULES).get("groups")) {
      for (JsonNode rule : group.get("rules")) {
        if (rule.has("alert")) {
          out.add(rule);
        }
      }
    }
    return out;
  }

  @Test
  void rules_passPromtoolCheck() {
    Tool.Result r =
        Tool.require("promtool", "prometheus").run(DeployFiles.path(DIR), "check", "rules", RULES);
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("SUCCESS");
  }

  @Test
  void rules_passTheirUnitTests() {
    Tool.Result r =
        Tool.require("promtool", "prometheus")
            .run(DeployFiles.path(DIR), "test", "rules", RULE_TESTS);
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("SUCCESS");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.05", "0.5"})
  void unitTests_failWhenAThresholdMoves(String threshold) throws IOException {
    Tool promtool = Tool.require("promtool", "prometheus");
    String rules = DeployFiles.text(DIR + "/" + RULES);
    String warning = "instance:plandev_http_request_seconds:p95_5m > 0.2";
    assertThat(rules).contains(warning);
    Files.writeString(
        temp.resolve(RULES), rules.replace(warning, warning.replace("0.2", threshold)));
    Files.copy(DeployFiles.path(DIR + "/" + RULE_TESTS), temp.resolve(RULE_TESTS));

    Tool.Result r = promtool.run(temp, "test", "rules", RULE_TESTS);

    assertThat(r.exitCode()).as(r.output()).isNotZero();
    assertThat(r.output()).contains("PlandevLatencyHigh");
  }

  @Test
  void everyAlert_hasASeverity_aSummary_andAUnitTest() {
    String ruleTests = DeployFiles.text(DIR + "/" + RULE_TESTS);
    List<JsonNode> alerts = alerts();
    assertThat(alerts).hasSizeGreaterThanOrEqualTo(15);
    for (JsonNode alert : alerts) {
      String name = alert.get("alert").asText();
      assertThat(alert.at("/labels/severity").asText()).as(name).isIn("warning", "critical");
      assertThat(alert.at("/annotations/summary").asText()).as(name).isNotBlank();
      assertThat(alert.at("/annotations/description").asText()).as(name).isNotBlank();
      assertThat(ruleTests).as("a unit test fires " + name).contains("alertname: " + name + "\n");
    }
  }
}
