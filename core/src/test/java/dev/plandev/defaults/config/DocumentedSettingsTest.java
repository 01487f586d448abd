package dev.plandev.defaults.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.testing.Services;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's documentation (README, {@code docs/}, the Helm chart, the systemd unit and the
 * Dockerfile) names only settings and variables that exist, and the removed settings it mentions
 * are refused as it says.
 */
class DocumentedSettingsTest {
  private static final Pattern CODE = Pattern.compile("`([^`\n]+)`");
  private static final Pattern SETTING =
      Pattern.compile(
          "\\b((?:sqlite|postgres|redis|ml|monitoring|server|security|backup)"
              + "\\.[A-Za-z][A-Za-z0-9.]*[A-Za-z0-9])(\\*?)");
  private static final Pattern VARIABLE = Pattern.compile("\\bPLANDEV_[A-Z0-9_]+");

  /** Names in code spans that look like settings and are something else, with what they are. */
  private static final Map<String, String> NOT_SETTINGS =
      Map.of("server.web", "the web UI's package, in the README's table of modules");

  /** Settings the README says were removed and are refused at start. */
  private static final Set<String> REMOVED =
      Set.of("redis.statsTtl", "redis.modelTtl", "redis.l1MaxSize");

  /** Variables read by the launcher script or standing for every setting, not settings. */
  private static final Set<String> NOT_SETTING_VARIABLES =
      Set.of(
          "PLANDEV_SECTION_KEY", // the pattern of every setting's variable
          "PLANDEV_JAVA_OPTS", // the JVM options of ./plandev
          "PLANDEV_DAEMON", // off: ./plandev runs the command without the daemon
          "PLANDEV_DAEMON_DIR", // the folder of the daemon's socket (plandev daemon)
          "PLANDEV_DAEMON_DEBUG", // 1: the daemon's client says why it falls back
          "PLANDEV_SERVE_OPTS"); // the options bench/load/run.sh gives plandev serve

  @TempDir Path dir;

  @Test
  void documentation_namesOnlySettingsThatExist() throws IOException {
    Set<String> settings = settings();
    Map<String, String> unknown = new TreeMap<>();
    for (Path doc : documents()) {
      for (String span : codeSpans(doc)) {
        Matcher m = SETTING.matcher(span);
        while (m.find()) {
          String name = m.group(1);
          boolean exists =
              m.group(2).isEmpty()
                  ? settings.contains(name)
                  : settings.stream().anyMatch(s -> s.startsWith(name));
          if (!exists && !NOT_SETTINGS.containsKey(name) && !REMOVED.contains(name)) {
            unknown.put(name, Services.repo().relativize(doc).toString());
          }
        }
      }
    }
    assertThat(unknown).as("settings named by the documentation that do not exist").isEmpty();
  }

  @Test
  void documentation_namesOnlyVariablesThatSetSomething() throws IOException {
    Set<String> variables =
        settings().stream().map(ConfigSurfaceTest::envName).collect(Collectors.toSet());
    Map<String, String> unknown = new TreeMap<>();
    for (Path doc : documents()) {
      Matcher m = VARIABLE.matcher(Files.readString(doc));
      while (m.find()) {
        String v = m.group();
        if (!variables.contains(v) && !NOT_SETTING_VARIABLES.contains(v)) {
          unknown.put(v, Services.repo().relativize(doc).toString());
        }
      }
    }
    assertThat(unknown).as("PLANDEV_ variables of the documentation that set nothing").isEmpty();
  }

  @Test
  void removedSettings_theReadmeMentions_areRefusedAtStart() throws IOException {
    String readme = Files.readString(Services.repo().resolve("README.md"));
    for (String removed : REMOVED) {
      String key = removed.substring(removed.indexOf('.') + 1);
      assertThat(readme).contains(key);
      Files.writeString(dir.resolve("plandev.yaml"), "redis:\n  " + key + ": 1\n");
      assertThatThrownBy(() -> new ConfigLoader(dir, Map.of()).load(null))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("unknown key '" + removed + "'");
    }
  }

  private Set<String> settings() {
    return new ConfigLoader(dir, Map.of())
        .load(null).settings().stream()
            .map(LoadedConfig.Setting::path)
            .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<Path> documents() throws IOException {
    Path repo = Services.repo();
    List<Path> out = new ArrayList<>();
    out.add(repo.resolve("README.md"));
    out.add(repo.resolve("Dockerfile"));
    for (String folder : List.of("docs", "deploy/helm", "deploy/systemd")) {
      try (Stream<Path> files = Files.walk(repo.resolve(folder))) {
        files.filter(Files::isRegularFile).sorted().forEach(out::add);
      }
    }
    return out;
  }

  /** The code spans of Markdown; the whole file for other formats, which are all code. */
  private static List<String> codeSpans(Path doc) throws IOException {
    String text = Files.readString(doc);
    if (!doc.toString().endsWith(".md")) {
      return List.of(text);
    }
    List<String> out = new ArrayList<>();
    Matcher m = CODE.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
