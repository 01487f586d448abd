package dev.plandev.cli.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plandev.cli.CliRun;
import dev.plandev.cli.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultsCommandTest {
  @TempDir Path dir;

  CliRun cli() {
    return new CliRun(dir);
  }

  @Test
  void set_thenGet_resolvesByContext() {
    assertThat(cli().run("defaults", "set", "db.host", "localhost").code()).isZero();
    Result r = cli().run("defaults", "set", "db.host", "db.prod", "-c", "env=prod");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("db.host = db.prod").contains("{\"env\":\"prod\"}");
    assertThat(cli().run("defaults", "get", "db.host").out()).isEqualTo("localhost\n");
    assertThat(cli().run("defaults", "get", "db.host", "-c", "env=prod", "-c", "user=x").out())
        .isEqualTo("db.prod\n");
    assertThat(cli().defaultDataDir().resolve("defaults.db")).exists();
  }

  @Test
  void get_json_explainsTheWinner() throws Exception {
    cli().run("defaults", "set", "k", "v", "-c", "project=web");
    Result r = cli().run("defaults", "get", "k", "-c", "project=web", "--json");
    JsonNode n = new ObjectMapper().readTree(r.out());
    assertThat(n.get("value").asText()).isEqualTo("v");
    assertThat(n.get("matchedFields").asInt()).isEqualTo(1);
    assertThat(n.at("/entry/context/project").asText()).isEqualTo("web");
    assertThat(n.at("/entry/createdAt").asText()).matches("\\d{4}-.*Z");
  }

  @Test
  void get_missingKey_exits1_withHint() {
    Result r = cli().run("defaults", "get", "nope");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("plandev: no default for 'nope'")
        .contains("plandev defaults set nope VALUE");
    assertThat(r.err().lines().count()).isEqualTo(1);
  }

  @Test
  void badInput_exits2_oneLine_noStackTrace() {
    Result r = cli().run("defaults", "set", "k", "abc", "--type", "integer");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("plandev: value: must be a whole number for type integer; got 'abc'\n");
    Result bad = cli().run("defaults", "set", "bad key", "x");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("key: must be 1 to 128 characters").doesNotContain("Exception");
    Result verbose = cli().run("--verbose", "defaults", "set", "k", "abc", "--type", "integer");
    assertThat(verbose.err()).contains("at dev.plandev");
  }

  @Test
  void usageErrors_exit2() {
    Result r = cli().run("defaults", "set", "onlykey");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("Missing required parameter")
        .contains("plandev defaults set --help");
    assertThat(cli().run("defaults", "frobnicate").code()).isEqualTo(2);
    assertThat(cli().run("--no-such-flag").code()).isEqualTo(2);
  }

  @Test
  void list_filtersAndMasksSecrets() throws Exception {
    cli().run("defaults", "set", "app.a", "1", "-c", "env=prod");
    cli().run("defaults", "set", "app.b", "2", "-c", "env=dev");
    cli().run("defaults", "set", "app.token", "hunter2", "--secret");
    cli().run("defaults", "set", "other", "x");
    Result all = cli().run("defaults", "list", "--prefix", "app.");
    assertThat(all.out())
        .contains("app.a")
        .contains("app.b")
        .contains("********")
        .doesNotContain("hunter2");
    assertThat(all.out()).contains("3 entries").doesNotContain("other");
    Result prod = cli().run("defaults", "list", "--where", "env=prod", "--json");
    JsonNode n = new ObjectMapper().readTree(prod.out());
    assertThat(n.get("total").asInt()).isEqualTo(1);
    assertThat(n.at("/items/0/key").asText()).isEqualTo("app.a");
    assertThat(cli().run("defaults", "get", "app.token").out()).isEqualTo("hunter2\n");
  }

  @Test
  void delete_andHistory() {
    cli().run("defaults", "set", "k", "1");
    cli().run("defaults", "set", "k", "2");
    Result stale = cli().run("defaults", "delete", "k", "--if-version", "1");
    assertThat(stale.code()).isEqualTo(1);
    assertThat(stale.err()).contains("version");
    assertThat(cli().run("defaults", "delete", "k", "--if-version", "2").out())
        .contains("deleted k");
    cli().run("defaults", "set", "k", "2");
    assertThat(cli().run("defaults", "delete", "k").out()).contains("deleted k");
    Result h = cli().run("defaults", "history", "k");
    assertThat(h.out())
        .contains("delete")
        .contains("update")
        .contains("create")
        .contains("tester@cli");
    assertThat(cli().run("defaults", "delete", "k").code()).isEqualTo(1);
    assertThat(cli().run("defaults", "delete").code()).isEqualTo(2);
  }

  @Test
  void exportImport_roundTrip_throughFiles() throws Exception {
    cli().run("defaults", "set", "a", "1", "--type", "integer");
    cli().run("defaults", "set", "b", "x", "-c", "env=prod", "--expires", "30d");
    for (String format : new String[] {"json", "yaml", "csv"}) {
      Path file = dir.resolve("out." + format);
      assertThat(
              cli()
                  .run("defaults", "export", "--format", format, "--output", file.toString())
                  .code())
          .isZero();
      Path other = dir.resolve("other-" + format);
      Result imp = cli().run("--data", other.toString(), "defaults", "import", file.toString());
      assertThat(imp.code()).isZero();
      assertThat(imp.out()).contains("imported 2 of 2 rows");
      Path again = dir.resolve("again." + format);
      cli()
          .run(
              "--data",
              other.toString(),
              "defaults",
              "export",
              "--format",
              format,
              "--output",
              again.toString());
      assertThat(Files.readString(again)).isEqualTo(Files.readString(file));
    }
  }

  @Test
  void import_badRows_reportsRowsAndWritesNothing() throws Exception {
    Path csv = dir.resolve("in.csv");
    Files.writeString(csv, "key,value,valueType\nok,1,integer\nbad,x,integer\n");
    Result r = cli().run("defaults", "import", csv.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("row 2 (bad)").contains("imported 0 of 2 rows; nothing written");
    Result partial = cli().run("defaults", "import", csv.toString(), "--partial");
    assertThat(partial.out()).contains("imported 1 of 2 rows");
    assertThat(cli().run("defaults", "import", dir.resolve("missing.json").toString()).code())
        .isEqualTo(2);
  }

  @Test
  void rotateKey_keepsSecretsReadable() {
    cli().run("defaults", "set", "s", "top-secret", "--secret");
    assertThat(cli().run("defaults", "rotate-key").out()).contains("re-encrypted 1 secret value");
    assertThat(cli().run("defaults", "get", "s").out()).isEqualTo("top-secret\n");
  }

  @Test
  void predict_afterFeedback() {
    for (int i = 0; i < 3; i++) {
      cli().run("defaults", "feedback", "plan.author", "Ada", "-c", "user=u1");
    }
    Result r = cli().run("defaults", "predict", "plan.author", "-c", "user=u1");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Ada");
  }

  @Test
  void listLearned_showsPerKeyTheValuesChosenMostWithALegend() {
    for (int i = 0; i < 3; i++) {
      cli().run("defaults", "feedback", "plan.plan-dev.author", "Ada", "-c", "user=u1");
    }
    cli().run("defaults", "feedback", "plan.plan-dev.author", "Grace", "-c", "user=u1");
    cli().run("defaults", "feedback", "other.key", "x");

    Result r = cli().run("defaults", "list", "--learned", "--prefix", "plan.");

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .containsPattern(
            "plan\\.plan-dev\\.author +4 +0 +Ada ×3 \\(\\d{4}-\\d\\d-\\d\\d\\), Grace ×1")
        .doesNotContain("other.key")
        .contains("CHOSEN: ", "NO: ", "TOP VALUES: ");
  }

  @Test
  void logs_areJsonLinesWithLevelLoggerMessageAndCorrelationId() throws Exception {
    cli().run("defaults", "set", "k", "abc", "--type", "integer");
    Path log = cli().defaultDataDir().resolve("logs/plandev.json");
    assertThat(log).exists();
    JsonNode line =
        new ObjectMapper()
            .readTree(
                Files.readAllLines(log).stream()
                    .filter(l -> l.contains("exit code 2"))
                    .findFirst()
                    .orElseThrow());
    assertThat(line.get("level").asText()).isEqualTo("WARN");
    assertThat(line.get("logger_name").asText()).isEqualTo("dev.plandev.cli.ErrorHandler");
    assertThat(line.get("message").asText()).contains("whole number");
    assertThat(line.get("correlationId").asText()).matches("[0-9a-f-]{36}");
    assertThat(line.get("stack_trace").asText()).contains("InvalidInputException");
  }

  @Test
  void help_listsCommandsAndExitCodes() {
    Result r = cli().run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("defaults").contains("config").contains("Exit codes");
    assertThat(cli().run("defaults", "set", "--help").out())
        .contains("--expires")
        .contains("--secret");
  }
}
