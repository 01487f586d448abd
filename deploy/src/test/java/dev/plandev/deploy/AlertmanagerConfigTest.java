package dev.plandev.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Alertmanager example is valid ({@code amtool check-config}), routes each severity of the
 * alert rules to its receivers (critical: PagerDuty and Slack; warning: Slack and email), and holds
 * placeholders, never secrets.
 */
class AlertmanagerConfigTest {
  private static final String DIR = "deploy/alertmanager";
  private static final String CONFIG = "alertmanager.yml";

  private static String receiverFor(String severity) {
    Tool.Result r =
        Tool.require("amtool", "prometheus-alertmanager")
            .run(
                DeployFiles.path(DIR),
                "config",
                "routes",
                "test",
                "--config.file=" + CONFIG,
                "alertname=PlandevTest",
                "severity=" + severity);
    assertThat(r.exitCode()).as(r.output()).isZero();
    // amtool prints the receiver on stdout and a warning about --alertmanager.url beside it.
    return r.output().lines().filter(l -> !l.startsWith("Warning:")).findFirst().orElse("");
  }

  @Test
  void config_passesAmtoolCheck() {
    Tool.Result r =
        Tool.require("amtool", "prometheus-alertmanager")
            .run(DeployFiles.path(DIR), "check-config", CONFIG);
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("SUCCESS").contains("3 receivers");
  }

  @Test
  void eachSeverityOfTheRules_goesToItsReceivers() {
    JsonNode config = DeployFiles.yaml(DIR + "/" + CONFIG);
    List<String> severities = new ArrayList<>();
    AlertRulesTest.alerts().forEach(a -> severities.add(a.at("/labels/severity").asText()));
    assertThat(severities).containsOnly("warning", "critical");

    assertThat(receiverFor("critical")).isEqualTo("on-call");
    assertThat(receiverFor("warning")).isEqualTo("team-chat-and-email");
    assertThat(kindsOf(config, "on-call")).containsExactlyInAnyOrder("pagerduty", "slack");
    assertThat(kindsOf(config, "team-chat-and-email")).containsExactlyInAnyOrder("slack", "email");
  }

  private static List<String> kindsOf(JsonNode config, String receiver) {
    List<String> kinds = new ArrayList<>();
    for (JsonNode r : config.get("receivers")) {
      if (r.get("name").asText().equals(receiver)) {
        r.fieldNames()
            .forEachRemaining(
                f -> {
                  if (f.endsWith("_configs")) {
                    kinds.add(f.substring(0, f.length() - "_configs".length()));
                  }
                });
      }
    }
    return kinds;
  }

  @Test
  void credentials_arePlaceholders_documentedAsSuch() {
    String text = DeployFiles.text(DIR + "/" + CONFIG);
    assertThat(text).contains("PLACEHOLDERS, NOT SECRETS");
    Matcher secret =
        Pattern.compile(
                "(?m)^\\s*(?:-\\s*)?(smtp_auth_password|routing_key|service_key|api_url):\\s*(.*)$")
            .matcher(text);
    int found = 0;
    while (secret.find()) {
      found++;
      assertThat(secret.group(2)).as(secret.group(1)).startsWith("REPLACE-");
    }
    assertThat(found).as("the SMTP password and the PagerDuty key are placeholders").isEqualTo(2);
    assertThat(text).doesNotContain("hooks.slack.com/services/");
    assertThat(DeployFiles.yaml(DIR + "/" + CONFIG).at("/global/slack_api_url_file").asText())
        .as("the Slack webhook comes from a mounted file")
        .startsWith("/");
  }
}
