package dev.plandev.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The three ways to run {@code plandev serve} for real (the launcher, the systemd unit, the
 * container) give the JVM the same memory limits, and the Dockerfile and the unit have the shape a
 * cautious operator expects. No Docker engine or systemd runs here, so both are checked as files.
 */
class DeploymentFilesTest {
  private static final Path REPO =
      Path.of(System.getProperty("plandev.repo", Path.of("").toAbsolutePath().getParent() + ""));
  private static final Pattern JVM_FLAG = Pattern.compile("-XX:[^\\s\"')]+|-Xm[sx]\\d+[kKmMgG]");

  private static Set<String> flags(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = JVM_FLAG.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    found.remove("-XX:+ExitOnOutOfMemoryError"); // a restart policy's partner, not a limit
    found.remove("-XX:TieredStopAtLevel=1"); // the launcher's short commands, not serve
    return found;
  }

  private static String read(String file) throws IOException {
    return Files.readString(REPO.resolve(file));
  }

  @Test
  void launcherUnitAndContainer_giveServeTheSameMemoryLimits() throws IOException {
    String launcher = read("plandev");
    String serveMemory =
        launcher.substring(
            launcher.indexOf("serve_memory=("), launcher.indexOf("case \"$command\""));
    Set<String> fromLauncher = flags(serveMemory);
    assertThat(fromLauncher).contains("-Xmx256m", "-XX:+UseSerialGC");

    String unit = read("deploy/systemd/plandev.service");
    String execStart = unit.substring(unit.indexOf("ExecStart="), unit.indexOf("Restart="));
    assertThat(flags(execStart)).isEqualTo(fromLauncher);

    String dockerfile = read("Dockerfile");
    Matcher env = Pattern.compile("ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\"").matcher(dockerfile);
    assertThat(env.find()).as("JAVA_TOOL_OPTIONS in the Dockerfile").isTrue();
    assertThat(flags(env.group(1))).isEqualTo(fromLauncher);
  }

  @Test
  void dockerfile_isMultiStage_runsAsAUser_andChecksReadiness() throws IOException {
    List<String> lines = Arrays.asList(read("Dockerfile").split("\n"));
    assertThat(lines.stream().filter(l -> l.startsWith("FROM ")).count()).isGreaterThanOrEqualTo(2);
    assertThat(lines).anyMatch(l -> l.matches("USER (?!root\\b|0\\b)\\S+"));
    assertThat(lines).anyMatch(l -> l.startsWith("HEALTHCHECK ") && l.contains("\\"));
    assertThat(read("Dockerfile")).contains("GET /ready").contains("EXPOSE 8080");
    assertThat(read(".dockerignore")).contains("**/target");
  }

  @Test
  void dockerUser_isTheUserTheHelmChartRunsAs() throws IOException {
    assertThat(read("Dockerfile")).contains("--uid 10001");
    assertThat(read("deploy/helm/plandev/templates/deployment.yaml"))
        .contains("runAsUser: 10001")
        .contains("runAsNonRoot: true");
  }

  @Test
  void systemdUnit_restartsOnFailure_isHardened_andWaitsForTheDrain() throws IOException {
    List<String> lines = Arrays.asList(read("deploy/systemd/plandev.service").split("\n"));
    assertThat(lines)
        .contains(
            "Restart=on-failure",
            "DynamicUser=yes",
            "NoNewPrivileges=yes",
            "ProtectSystem=strict",
            "ProtectHome=yes",
            "PrivateTmp=yes",
            "PrivateDevices=yes",
            "ProtectKernelTunables=yes",
            "ProtectKernelModules=yes",
            "ProtectControlGroups=yes",
            "RestrictSUIDSGID=yes",
            "CapabilityBoundingSet=");
    assertThat(lines).noneMatch(l -> l.startsWith("User=root") || l.startsWith("MemoryDenyWrite"));
    String stop =
        lines.stream().filter(l -> l.startsWith("TimeoutStopSec=")).findFirst().orElseThrow();
    long stopSeconds = Long.parseLong(stop.replaceAll("\\D", ""));
    long drainSeconds =
        dev.plandev.defaults.config.PlandevConfig.defaults().server().shutdownTimeout().toSeconds();
    assertThat(stopSeconds)
        .as("systemd's SIGKILL comes after the drain (server.shutdownTimeout) and the last export")
        .isGreaterThan(drainSeconds + dev.plandev.server.Telemetry.EXPORT_ON_CLOSE.toSeconds());
    assertThat(read("deploy/systemd/plandev.service")).contains("--host 127.0.0.1");
  }
}
