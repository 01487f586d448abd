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
                if (splitsAWord(lines.get(i), lines.get(i + 1))) {
                  problems.add(command + ": '" + lines.get(i) + "' / '" + lines.get(i + 1) + "'");
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

  /**
   * Whether the wrap from {@code line} to its continuation {@code next} falls inside a word, a file
   * name, a URL or a JSON string: "plandev." then "jar", "plan:" then "//PATH", "for ." then "md
   * files".
   */
  static boolean splitsAWord(String line, String next) {
    String text = next.strip();
    // Option and command descriptions continue indented; footers and descriptions at column 0.
    boolean continuation =
        !text.isEmpty() && (indent(next) == 0 || indent(next) > 2 && indent(next) >= indent(line));
    if (!continuation) {
      return false;
    }
    return line.endsWith(" .")
        || line.matches(".*\\w\\.") && Character.isLowerCase(text.charAt(0))
        || line.matches(".*\\w[:/]") && text.startsWith("/")
        || line.matches(".*\\w\\.") && text.matches("[A-Z_]+=.*");
  }

  @Test
  void splitsAWord_tellsAWrapInsideAWordFromOneBetweenWords() {
    assertThat(splitsAWord("  {\"args\": [\"-jar\", \"plandev.", "jar\", \"mcp\"]}}}")).isTrue();
    assertThat(splitsAWord("    {\"args\": [\"plandev.", "      jar\"]")).isTrue();
    assertThat(splitsAWord("Tools: resources plan:", "    //PATH")).isTrue();
    assertThat(splitsAWord("              searched for .", "              md files.")).isTrue();
    assertThat(splitsAWord("                   [-o=SECTION.", "                   KEY=VALUE]"))
        .isTrue();
    assertThat(splitsAWord("              by plan.", "  sync      Make progress lines")).isFalse();
    assertThat(splitsAWord("  -t  a|b (default:", "        string)")).isFalse();
  }

  private static int indent(String line) {
    return line.length() - line.stripLeading().length();
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
