package dev.plandev.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plandev.defaults.testing.Services;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Prints what agents pay for, in characters and estimated tokens (characters / 4): every tool
 * definition as {@code tools/list} sends it, and a default {@code plan_status} answer (text and
 * structured content) on the largest corpus plan. Targets: at most 12 tools, under 3,000 tokens of
 * definitions, and 1,500 tokens of answer.
 */
class AnswerSizeTest {
  static final int DEFINITIONS_BUDGET = 3_000;
  static final int MAX_TOOLS = 12;
  static final int STATUS_BUDGET = 1_500;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void toolDefinitions_underBudget() throws Exception {
    PlandevMcp mcp =
        PlandevMcp.builder()
            .roots(List.of(Path.of(".")))
            .defaults(() -> null)
            .clock(Clock.systemUTC())
            .build();
    String all = json.writeValueAsString(Map.of("tools", mcp.catalog().definitions()));

    System.out.printf(
        "tool definitions: %d tools, %,d characters, ~%,d tokens%n",
        mcp.catalog().definitions().size(), all.length(), all.length() / 4);
    assertThat(mcp.catalog().definitions()).hasSizeLessThanOrEqualTo(MAX_TOOLS);
    assertThat(all.length() / 4).isLessThan(DEFINITIONS_BUDGET);
  }

  @Test
  void planStatus_onLargestCorpusPlan_underBudget() throws Exception {
    Path corpus = Services.shared().resolve("corpus/plans");
    Path largest = largest(corpus);
    PlanRoots roots = new PlanRoots(List.of(corpus));
    ToolAnswer a =
        new StatusTool(roots)
            .call(
                new Arguments(
                    "plan_status",
                    Map.of("plan", largest.getFileName().toString()),
                    java.util.Set.of("plan", "section", "depth")),
                new McpCaller("t", false));
    int text = a.text().length();
    int structured = json.writeValueAsString(a.structured()).length();

    System.out.printf(
        "plan_status on %s (%,d bytes): text %,d chars ~%,d tokens; structured %,d chars ~%,d"
            + " tokens; together ~%,d tokens%n",
        largest.getFileName(),
        Files.size(largest),
        text,
        text / 4,
        structured,
        structured / 4,
        (text + structured) / 4);
    System.out.print(a.text());
    assertThat((text + structured) / 4).isLessThan(STATUS_BUDGET);
  }

  private static Path largest(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".md"))
          .max(Comparator.comparingLong(AnswerSizeTest::size))
          .orElseThrow();
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return -1;
    }
  }
}
