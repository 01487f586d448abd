package dev.plandev.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: {@code --help} wraps cleanly (no word, URL or JSON example split across lines), uses
 * one placeholder style, lists the plan commands first and says once which options are global.
 */
class HelpTextTest {
  /** A line that ends inside a word: "plandev." then "jar", "plan:" then "//PATH". */
  private static final Pattern SPLIT_WORD = Pattern.compile("(?s).*(\\w[./:]|\\w-)$");

  /** Placeholders written another way than the options' UPPER_CASE labels. */
  private static final Pattern OTHER_PLACEHOLDER = Pattern.compile("<[a-z][a-z_-]*>");

  @TempDir Path dir;

  @Test
  void rootHelp_listsThePlanCommandsFirst() {
    String help = new CliRun(dir).run("--help").out();
    List<String> commands = commandNames(help);

    assertThat(commands.subList(0, 4)).containsExactly("status", "sync", "check", "uncheck");
    assertThat(commands.indexOf("new")).isLessThan(commands.indexOf("defaults"));
    assertThat(commands.indexOf("watch")).isLessThan(commands.indexOf("serve"));
    assertThat(commands).endsWith("help");
  }

  @Test
  void globalOptions_areNamedOnceOnTheRoot_andReferredToElsewhere() {
    String root = new CliRun(dir).run("--help").out();
    String sub = new CliRun(dir).run("status", "--help").out();

    assertThat(root).containsOnlyOnce("Global options").contains("--data=DIR", "--verbose");
    assertThat(sub)
        .contains("Global options (see plandev --help):")
        .contains("--data=DIR")
        .doesNotContain("Data directory");
  }

  @Test
  void everyHelp_wrapsBetweenWords_withOnePlaceholderStyle() {
    List<String> problems = new ArrayList<>();
    helpOfEveryCommand()
        .forEach(
            (command, help) -> {
              List<String> lines = help.lines().toList();
              for (int i = 0; i + 1 < lines.size(); i++) {
                String next = lines.get(i + 1).strip();
                if (SPLIT_WORD.matcher(lines.get(i)).matches()
                    && !next.isEmpty()
                    && (Character.isLowerCase(next.charAt(0)) || next.startsWith("/"))) {
                  problems.add(command + ": '" + lines.get(i) + "' / '" + next + "'");
                }
              }
              if (OTHER_PLACEHOLDER.matcher(help).find()) {
                problems.add(command + ": a <placeholder> in " + help);
              }
            });
    assertThat(problems).isEmpty();
  }

  @Test
  void mcpHelp_clientConfigurationIsJsonAsPrinted() throws Exception {
    String help = new CliRun(dir).run("mcp", "--help").out();
    String json = help.substring(help.indexOf("{\"mcpServers\""));

    JsonNode server = new ObjectMapper().readTree(json).path("mcpServers").path("plandev");

    assertThat(server.path("command").asText()).isEqualTo("java");
    assertThat(server.path("args").toString()).contains("\"-jar\"", "\"mcp\"", "\"--root\"");
  }

  /** The help of every command and subcommand, by its command line. */
  private Map<String, String> helpOfEveryCommand() {
    Map<String, String> helps = new LinkedHashMap<>();
    helps.put("plandev", new CliRun(dir).run("--help").out());
    for (String name : commandNames(helps.get("plandev"))) {
      String help = new CliRun(dir).run(name, "--help").out();
      helps.put(name, help);
      for (String sub : commandNames(help)) {
        helps.put(name + " " + sub, new CliRun(dir).run(name, sub, "--help").out());
      }
    }
    assertThat(helps).hasSizeGreaterThan(25);
    return helps;
  }

  /** The names of the command list of a help text, in order. */
  private static List<String> commandNames(String help) {
    List<String> names = new ArrayList<>();
    boolean inList = false;
    for (String line : help.lines().toList()) {
      if (line.startsWith("Commands")) {
        inList = true;
      } else if (inList && line.isBlank()) {
        break;
      } else if (inList && line.matches("  \\S.*")) {
        names.add(line.strip().split("\\s+")[0]);
      }
    }
    return names;
  }
}
