package dev.plandev.cli.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.cli.readme.ReadmeExample.Kind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the README test reads a {@code bash} block: commands, comments, promises, kinds. */
class ReadmeExampleTest {
  private static final String README =
      String.join(
          "\n",
          "# Title",
          "```bash",
          "./plandev serve      # runs until Ctrl-C",
          "mvn -B verify",
          "```",
          "```yaml",
          "not: a command",
          "```",
          "```bash",
          "# a comment line",
          "curl -s -H 'A: b' \\",
          "  -d '{\"a\":\"# not a comment\"}' http://x   # -> {\"a\":...}",
          "./plandev sync p.md --check   # exit 1: stale lines",
          "./plandev --data copy defaults get k",
          "# -> v",
          "bench/load/run.sh 30s 64",
          "SCENARIOS=resolve OPTS=\"-o a=b\" bench/load/run.sh",
          "./plandev --data d mcp --root plans",
          "```");

  @Test
  void parse_readsOnlyBashBlocks_joinsContinuations_andReadsTheComments() {
    List<ReadmeExample> examples = ReadmeExample.parse(README);

    assertThat(examples)
        .extracting(ReadmeExample::command)
        .containsExactly(
            "./plandev serve",
            "mvn -B verify",
            "curl -s -H 'A: b' \\\n  -d '{\"a\":\"# not a comment\"}' http://x",
            "./plandev sync p.md --check",
            "./plandev --data copy defaults get k",
            "bench/load/run.sh 30s 64",
            "SCENARIOS=resolve OPTS=\"-o a=b\" bench/load/run.sh",
            "./plandev --data d mcp --root plans");
    assertThat(examples)
        .extracting(ReadmeExample::kind)
        .containsExactly(
            Kind.LONG_RUNNING,
            Kind.NOT_RUN,
            Kind.RUN,
            Kind.RUN,
            Kind.RUN,
            Kind.NOT_RUN,
            Kind.NOT_RUN,
            Kind.LONG_RUNNING);
    assertThat(examples.get(2).output()).contains("{\"a\":...}");
    assertThat(examples.get(2).line()).isEqualTo(11);
    assertThat(examples.get(3).exitCode()).isEqualTo(1);
    assertThat(examples.get(4).output()).contains("v");
    assertThat(examples.get(7).plandevCommand()).contains("mcp");
  }

  @Test
  void outputMatches_aLineOfTheOutput_withDotsForAnyText() {
    ReadmeExample e = new ReadmeExample(1, "x", 0, Optional.of("{\"events\": 44004, ...}"));

    assertThat(e.outputMatches("progress\n{\"events\": 44004, \"top1\": 0.6}\n")).isTrue();
    assertThat(e.outputMatches("{\"events\": 44005, \"top1\": 0.6}")).isFalse();
    assertThat(new ReadmeExample(1, "x", 0, Optional.of("db.internal")).outputMatches("db.int"))
        .isFalse();
  }

  @Test
  void commentStart_ignoresHashesInQuotesAndInsideWords() {
    assertThat(ReadmeExample.commentStart("echo 'a # b' \"c # d\" e#f # g")).isEqualTo(25);
    assertThat(ReadmeExample.commentStart("echo a\\ #b")).isEqualTo(-1);
  }
}
