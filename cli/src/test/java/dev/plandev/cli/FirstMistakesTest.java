package dev.plandev.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: the mistakes of a newcomer's first hour, at a terminal, each answered by one line that
 * says what was wrong and what to do — nothing else on stderr.
 */
class FirstMistakesTest {
  private static final String PLAN = "# Plan\n\n## 1. One\n\n- [x] **1.1** a\n- [ ] **1.2** b\n";

  @TempDir Path dir;
  @RegisterExtension final TerminalStderr seen = new TerminalStderr();

  private CliRun.Result run(String... args) {
    return new CliRun(dir).terminal(true).run(args);
  }

  /** The one line the person saw on stderr (the command's writer and the process's stream). */
  private String oneLine(CliRun.Result r) {
    String all = seen.of(r);
    assertThat(all.lines()).as("stderr: %s", all).hasSize(1);
    assertThat(all).startsWith("plandev: ").doesNotContain("Exception", "\tat ");
    return all.strip();
  }

  @Test
  void serveOnAPortInUse_isOneLine_withoutTheServersOwnLogs() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliRun.Result r =
          run("serve", "--port", Integer.toString(taken.getLocalPort()), "--data", "d");

      assertThat(r.code()).isEqualTo(1);
      assertThat(oneLine(r)).contains("already in use").doesNotContain("Javalin", "ERROR");
    }
  }

  @Test
  void mistypedCommand_saysWhichWasMeant() {
    CliRun.Result r = run("statsu", "plan.md");

    assertThat(r.code()).isEqualTo(2);
    assertThat(oneLine(r))
        .contains("unknown command 'statsu'", "did you mean status", "plandev --help");
  }

  @Test
  void mistypedSubcommand_saysWhichWasMeant() {
    CliRun.Result r = run("defaults", "gett", "k");

    assertThat(r.code()).isEqualTo(2);
    assertThat(oneLine(r)).contains("'gett'", "did you mean get", "plandev defaults --help");
  }

  @Test
  void mistypedOption_saysWhichWasMeant() throws Exception {
    Path plan = Files.writeString(dir.resolve("plan.md"), PLAN);

    CliRun.Result r = run("status", plan.toString(), "--jsn");

    assertThat(r.code()).isEqualTo(2);
    assertThat(oneLine(r)).contains("unknown option '--jsn'", "did you mean --json");
  }

  @Test
  void contextWithoutEquals_namesTheFormOnce() {
    CliRun.Result r = run("--data", "d", "defaults", "set", "x", "y", "-c", "envprod");

    assertThat(r.code()).isEqualTo(2);
    assertThat(oneLine(r))
        .contains("'--context' takes FIELD=VALUE, got 'envprod'")
        .doesNotContain("option option");
  }

  @Test
  void statusOfAFolder_showsItsPlans() throws Exception {
    Files.createDirectories(dir.resolve("plans/sub"));
    Files.writeString(dir.resolve("plans/a.md"), PLAN);
    Files.writeString(dir.resolve("plans/sub/b.md"), "# B\n\n- [ ] **1** b\n");
    Files.writeString(dir.resolve("plans/notes.txt"), "not a plan");

    CliRun.Result r = run("status", dir.resolve("plans").toString());

    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out().lines())
        .hasSize(2)
        .anySatisfy(l -> assertThat(l).contains("a.md", "1/2", "50.0%"))
        .anySatisfy(l -> assertThat(l).contains("b.md", "0/1"));
    CliRun.Result json = run("status", dir.resolve("plans").toString(), "--json");
    assertThat(json.out()).startsWith("[{").contains("a.md", "b.md");
  }

  @Test
  void statusOfAFileThatIsNoMarkdown_isRefused() throws Exception {
    Path pom = Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
    Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");

    for (Path file : new Path[] {pom, passwd}) {
      seen.reset();
      CliRun.Result r = run("status", file.toString());

      assertThat(r.code()).isEqualTo(2);
      assertThat(oneLine(r)).contains("not a Markdown plan", file.getFileName().toString());
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void aLanguageTheTemplateLacks_namesThoseItHas() {
    CliRun.Result r = run("new", "plan-dev", "--lang", "de", "--yes", "--dry-run");

    assertThat(r.code()).isEqualTo(2);
    assertThat(oneLine(r)).contains("no language 'de'", "en, fr");
  }

  @Test
  void templateList_speaksTheChosenLanguage() {
    CliRun.Result english = run("new", "--list", "--lang", "en");
    CliRun.Result french = run("new", "--list", "--lang", "fr");

    assertThat(english.code()).isZero();
    assertThat(english.out()).contains("plan-dev").isNotEqualTo(french.out());
    assertThat(english.out()).doesNotContain("Modèle", "Plan de développement");
    assertThat(french.out()).contains("Plan de développement");
  }

  @Test
  void missingSchemaFile_isNamedOnce() {
    CliRun.Result r =
        run("--data", "d", "defaults", "set", "env", "prod", "--schema", "env.schema.json");

    assertThat(r.code()).isEqualTo(2);
    String line = oneLine(r);
    assertThat(line).contains("no such file");
    assertThat(line.indexOf("env.schema.json")).isEqualTo(line.lastIndexOf("env.schema.json"));
  }
}
