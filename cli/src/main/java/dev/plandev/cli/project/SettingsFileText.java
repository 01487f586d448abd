package dev.plandev.cli.project;

import dev.plandev.defaults.config.LoadedConfig;
import dev.plandev.defaults.config.PlandevConfig;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code plandev.yaml} that {@code plandev init} writes: every setting commented out with its
 * built-in default, made from the defaults themselves so that the file can never claim a default
 * that is not one.
 */
final class SettingsFileText {
  private static final Pattern PLAIN = Pattern.compile("-?[0-9]+(\\.[0-9]+)?|true|false");

  private SettingsFileText() {}

  /** The file's text. */
  static String text() {
    StringBuilder out = new StringBuilder();
    out.append(
        """
        # plandev settings of this project, made by plandev init. Each setting below is commented
        # out and shows its built-in default: uncomment it (and its section line) to change it.
        # Environment variables PLANDEV_SECTION_KEY and flags (-o section.key=value) override this
        # file; plandev config show prints every effective setting and where it came from.
        # plandev finds this file from any folder of the project (it walks up to it).
        #
        # The learning store is in your per-user data directory (~/.local/share/plandev on Linux,
        # ~/Library/Application Support/plandev on macOS, %LOCALAPPDATA%\\plandev on Windows), so
        # that what plandev learns follows you across projects. To keep a store for this project
        # only, name a folder, relative to this file:
        # dataDir: .plandev/data
        """);
    String section = null;
    String subsection = null;
    Map<String, String> defaults =
        new LoadedConfig(PlandevConfig.defaults(), Map.of(), null)
            .settings().stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        LoadedConfig.Setting::path,
                        LoadedConfig.Setting::value,
                        (a, b) -> a,
                        java.util.LinkedHashMap::new));
    for (Map.Entry<String, String> setting : defaults.entrySet()) {
      String path = setting.getKey();
      int dot = path.indexOf('.');
      if (dot < 0) {
        continue; // dataDir: its default depends on the machine, explained above
      }
      String name = path.substring(0, dot);
      if (!name.equals(section)) {
        section = name;
        subsection = null;
        out.append("#\n# ").append(name).append(":\n");
      }
      String key = path.substring(dot + 1);
      String indent = "#   ";
      int inner = key.indexOf('.');
      if (inner >= 0) { // a section inside the section (monitoring.tracing.*)
        String sub = key.substring(0, inner);
        if (!sub.equals(subsection)) {
          subsection = sub;
          out.append(indent).append(sub).append(":\n");
        }
        key = key.substring(inner + 1);
        indent = "#     ";
      }
      out.append(indent).append(key).append(": ").append(scalar(setting.getValue())).append('\n');
    }
    return out.toString();
  }

  /** A value as YAML reads it back as the same text: quoted unless a number or boolean. */
  private static String scalar(String value) {
    return PLAIN.matcher(value).matches() ? value : "'" + value.replace("'", "''") + "'";
  }
}
