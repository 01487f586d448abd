package dev.plandev.cli.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.cli.CliRun;
import dev.plandev.cli.CliRun.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalOptionsTest {
  private static final String SUMMARY =
      String.format(
          "Global options (see plandev --help):%n"
              + "  --config=FILE, --data=DIR, --option=SECTION.KEY=VALUE, --verbose%n");

  @TempDir Path dir;

  private Result run(String... args) {
    return new CliRun(dir).run(args);
  }

  @Test
  void subcommandHelp_showsTheGlobalOptionsOnceAsOneLine() {
    Result r = run("defaults", "get", "--help");

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("Usage: plandev defaults get [-hV] [--json] [-c=FIELD=VALUE]... KEY")
        .contains("--context")
        .contains(SUMMARY)
        .doesNotContain("Data directory", "Show stack traces");
    assertThat(r.out().indexOf("Global options")).isEqualTo(r.out().lastIndexOf("Global options"));
  }

  @Test
  void groupHelp_showsTheLineBeforeItsCommands() {
    String out = run("defaults", "--help").out();

    assertThat(out).contains(SUMMARY);
    assertThat(out.indexOf(SUMMARY)).isLessThan(out.indexOf("Commands:"));
  }

  @Test
  void rootHelp_documentsThemInFull() {
    Result r = run("--help");

    assertThat(r.out())
        .contains("--data=DIR", "Data directory (database, keys, logs)")
        .contains("--config=FILE", "-o, --option=SECTION.KEY=VALUE", "--verbose")
        .containsOnlyOnce("Global options (every command takes them, before or after its name):");
  }

  @Test
  void givenBeforeOrAfterTheSubcommand_meanTheSame() {
    Path data = dir.resolve("elsewhere");
    assertThat(run("--data", data.toString(), "defaults", "set", "k", "v").code()).isZero();

    assertThat(run("defaults", "get", "k", "--data", data.toString()).out()).isEqualTo("v\n");
    assertThat(run("defaults", "--data", data.toString(), "get", "k").out()).isEqualTo("v\n");
    assertThat(run("defaults", "get", "k").code()).as("the default data folder").isEqualTo(1);
  }

  @Test
  void settingsGivenAtEveryLevel_addUp() {
    Result r = run("-o", "server.port=9999", "config", "show", "-o", "server.host=0.0.0.0");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .containsPattern("server.port\\s+= 9999\\s+# flag -o server.port")
        .containsPattern("server.host\\s+= 0.0.0.0\\s+# flag -o server.host");
  }

  @Test
  void webUiSettings_areShownByConfigShow_withTheirDefaultsAndOverrides() {
    Result defaults = run("config", "show");
    Result set = run("-o", "server.planRoots=plans,../shared/corpus/plans", "config", "show");

    assertThat(defaults.out())
        .containsPattern("server.planRoots\\s+= \\.")
        .containsPattern("server.sessionTimeout\\s+= 8h");
    assertThat(set.out())
        .containsPattern(
            "server.planRoots\\s+= plans,../shared/corpus/plans\\s+# flag -o server.planRoots");
  }
}
