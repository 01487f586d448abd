package dev.plandev.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.cli.invocation.Environment;
import dev.plandev.cli.invocation.GlobalOptions;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The start-up shortcuts of the root command keep its behaviour: same commands, same help. */
class StartupTest {
  @TempDir Path dir;

  @Test
  void commandName_skipsRootOptionsAndTheirValues() {
    assertThat(GlobalOptions.commandName("--data", "d", "-o", "a.b=c", "--verbose", "status", "x"))
        .isEqualTo("status");
    assertThat(GlobalOptions.commandName("--data=d", "--config", "c.json", "defaults", "get"))
        .isEqualTo("defaults");
    assertThat(GlobalOptions.commandName("--version")).isNull();
    assertThat(GlobalOptions.commandName()).isNull();
  }

  @Test
  void planCommand_getsOnlyThePlanCommands() {
    CommandLine cl = Plandev.commandLine(Plandev.create(environment()), "status");
    assertThat(cl.getSubcommands()).containsKey("status").doesNotContainKeys("serve", "mcp", "new");
  }

  @Test
  void unknownOrNoCommand_getsTheWholeTreeInHelpOrder() {
    var all = Plandev.commandLine(Plandev.create(environment())).getSubcommands().keySet();
    assertThat(all).startsWith("status").endsWith("help");
    assertThat(all).containsSubsequence("new", "defaults", "config", "serve", "keys", "mcp");
    assertThat(all).contains("new", "mcp");
    assertThat(Plandev.commandLine(Plandev.create(environment()), "nope").getSubcommands().keySet())
        .containsExactlyElementsOf(all);
  }

  @Test
  void everyCommandAndSubcommand_answersHelp() {
    java.util.List<String[]> lines = new java.util.ArrayList<>();
    Plandev.commandLine(Plandev.create(environment()))
        .getSubcommands()
        .forEach(
            (name, command) -> {
              lines.add(new String[] {name, "--help"});
              command
                  .getSubcommands()
                  .keySet()
                  .forEach(sub -> lines.add(new String[] {name, sub, "--help"}));
            });
    assertThat(lines).hasSizeGreaterThan(20);
    java.util.List<String> failing = new java.util.ArrayList<>();
    for (String[] line : lines) {
      CliRun.Result r = new CliRun(dir).run(line);
      if (r.code() != 0 || !r.out().contains("Usage: plandev")) {
        failing.add(String.join(" ", line) + " -> " + r.code() + " " + r.err().strip());
      }
    }
    assertThat(failing).isEmpty();
  }

  @Test
  void noArguments_printsEveryCommand() {
    CliRun.Result r = new CliRun(dir).run();
    assertThat(r.out()).contains("defaults", "serve", "status", "new", "mcp");
  }

  @Test
  void unknownCommand_isAUsageError() {
    CliRun.Result r = new CliRun(dir).run("nope");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("'nope'");
  }

  private Environment environment() {
    return new Environment(
        Map.of(),
        dir,
        dir,
        "Linux",
        Clock.systemUTC(),
        System.in,
        new PrintWriter(Writer.nullWriter()),
        new PrintWriter(Writer.nullWriter()),
        false);
  }
}
