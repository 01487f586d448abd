package dev.plandev.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.cli.CliRun;
import dev.plandev.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindCommandTest {
  @TempDir Path dir;

  @BeforeEach
  void writePlans() throws IOException {
    Files.writeString(
        dir.resolve("a.md"),
        String.join(
            "\n",
            "# A",
            "",
            "## 1 Setup",
            "- [x] **1.1** **Étape** config du cache #time:2h",
            "- [ ] **1.2** Redis cluster #priority:high #owner:Zoé",
            "- [ ] **1.3** Cache warmup #status:blocked",
            ""));
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(
        dir.resolve("sub/b.md"), "# B\n\n- [ ] ETAPE finale #priorité:haute #temps:120min\n");
    Files.createDirectories(dir.resolve("node_modules"));
    Files.writeString(dir.resolve("node_modules/x.md"), "- [ ] étape ignored\n");
  }

  private Result run(String... args) {
    return new CliRun(dir).run(args);
  }

  @Test
  void findsAcrossTheWorkingDirectory_ignoringCaseAccentsAndEmphasis() {
    Result r = run("find", "etape");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "a.md:4 1.1 **1.1** **Étape** config du cache #time:2h\n"
                + "sub/b.md:3 #1 ETAPE finale #priorité:haute #temps:120min\n");
  }

  @Test
  void givenPaths_areShownAsGiven() {
    Path a = dir.resolve("a.md");

    assertThat(run("find", "REDIS", a.toString()).out())
        .isEqualTo(a + ":5 1.2 **1.2** Redis cluster #priority:high #owner:Zoé\n");
  }

  @Test
  void statusAndTagFilters_readValuesLikeThePlans() {
    assertThat(ids("cache", "--status", "open")).isEmpty();
    assertThat(ids("cache", "--status", "done", "--status", "bloqué"))
        .containsExactly("a.md:4", "a.md:6");
    assertThat(ids("", "--tag", "priority:haute")).containsExactly("a.md:5", "sub/b.md:3");
    assertThat(ids("", "--tag", "effort:2h")).containsExactly("a.md:4", "sub/b.md:3");
    assertThat(ids("", "--tag", "owner:zoe", "--tag", "priority:")).containsExactly("a.md:5");
  }

  @Test
  void nothingFound_exits1_andSaysSoOnStderr() {
    Result r = run("find", "kubernetes");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("no task matches 'kubernetes' in 2 plan file(s)\n");
  }

  @Test
  void badStatusOrTag_isAUsageError() {
    Result status = run("find", "x", "--status", "soon");
    Result tag = run("find", "x", "--tag", "owner");

    assertThat(status.code()).isEqualTo(2);
    assertThat(status.err())
        .contains("expected open, done, in-progress, blocked, deferred or cancelled, got 'soon'");
    assertThat(tag.code()).isEqualTo(2);
    assertThat(tag.err()).contains("'owner' is not key:value");
  }

  private java.util.List<String> ids(String query, String... options) {
    String[] args = new String[options.length + 2];
    args[0] = "find";
    args[1] = query;
    System.arraycopy(options, 0, args, 2, options.length);
    Result r = run(args);
    return r.out().lines().map(l -> l.substring(0, l.indexOf(' '))).toList();
  }
}
