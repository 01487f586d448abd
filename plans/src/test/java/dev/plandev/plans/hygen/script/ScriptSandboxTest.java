package dev.plandev.plans.hygen.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a template's JavaScript can and cannot reach. */
class ScriptSandboxTest {
  @TempDir Path dir;
  Path templates;
  ScriptSandbox sandbox;

  @BeforeEach
  void open() throws IOException {
    templates = Files.createDirectories(dir.resolve("_templates"));
    sandbox =
        ScriptSandbox.open(
            templates,
            Map.of("USER", "ada"),
            dir,
            new PrintWriter(new StringWriter()),
            Clock.fixed(Instant.parse("2026-02-03T04:05:06Z"), ZoneOffset.UTC),
            5_000_000);
  }

  @AfterEach
  void close() {
    sandbox.close();
  }

  private Object eval(String js) {
    return sandbox.toJava(sandbox.evaluate(js, "test.js"));
  }

  @Test
  void no_java_class_is_reachable() {
    assertThat(eval("typeof java + ' ' + typeof Packages + ' ' + typeof JavaImporter"))
        .isEqualTo("undefined undefined undefined");
    assertThatThrownBy(() -> eval("java.lang.System.exit(3)"))
        .isInstanceOf(ScriptFailureException.class);
    assertThatThrownBy(() -> eval("''.getClass().forName('java.lang.Runtime')"))
        .isInstanceOf(ScriptFailureException.class);
  }

  @Test
  void no_process_network_or_file_functions() {
    assertThat(
            eval(
                "typeof process.exit + ' ' + typeof fetch + ' ' + typeof XMLHttpRequest"
                    + " + ' ' + typeof load + ' ' + typeof readFile + ' ' + typeof runCommand"))
        .isEqualTo("undefined undefined undefined undefined undefined undefined");
    assertThat(eval("process.env.USER")).isEqualTo("ada");
  }

  @Test
  void require_reads_only_the_templates_folder_and_the_built_in_modules() throws IOException {
    Files.writeString(
        dir.resolve("secret.js"), "module.exports = 'secret'", StandardCharsets.UTF_8);
    Files.createDirectories(templates.resolve("g/a"));
    Files.writeString(
        templates.resolve("g/a/prompt.js"),
        "module.exports = { up: () => require('../../../secret') }",
        StandardCharsets.UTF_8);
    Files.writeString(
        templates.resolve("g/a/mods.js"),
        "module.exports = (name) => require(name)",
        StandardCharsets.UTF_8);

    Object prompt = sandbox.require(templates.resolve("g/a/prompt.js"));
    assertThatThrownBy(() -> sandbox.call(sandbox.member(prompt, "up")))
        .isInstanceOf(ScriptFailureException.class)
        .hasMessageContaining("outside the templates folder");
    Object mods = sandbox.require(templates.resolve("g/a/mods.js"));
    for (String module : new String[] {"fs", "child_process", "http", "net"}) {
      assertThatThrownBy(() -> sandbox.call(mods, module))
          .as(module)
          .hasMessageContaining("require('" + module + "') is not available");
    }
    assertThat(sandbox.toJava(sandbox.member(sandbox.call(mods, "path"), "sep"))).isEqualTo("/");
    assertThatThrownBy(() -> sandbox.require(dir.resolve("secret.js")))
        .hasMessageContaining("outside the templates folder");
  }

  @Test
  void dates_read_the_injected_clock() {
    assertThat(
            eval(
                "new Date().toISOString() + ' ' + Date.now() + ' ' + (new Date() instanceof Date)"))
        .isEqualTo("2026-02-03T04:05:06.000Z 1770091506000 true");
    assertThat(eval("new Date(2020, 0, 2).getDate() + ' ' + new Date(0).toISOString()"))
        .isEqualTo("2 1970-01-01T00:00:00.000Z");
  }

  @Test
  void a_script_that_runs_away_is_stopped() {
    assertThatThrownBy(() -> eval("while (true) {}"))
        .isInstanceOf(ScriptFailureException.class)
        .hasMessageContaining("was stopped");
  }

  @Test
  void const_runs_as_let_outside_strings_comments_and_regular_expressions() {
    assertThat(
            ConstDeclarations.rewrite(
                "const a = 'const'; // const\nfor (const k of x) y = /const/.test(`${\"const\"} const`)"))
        .isEqualTo(
            "let a = 'const'; // const\nfor (let k of x) y = /const/.test(`${\"const\"} const`)");
    assertThat(eval("var s = ''; for (const k of ['a', 'b']) s += k; s")).isEqualTo("ab");
  }
}
