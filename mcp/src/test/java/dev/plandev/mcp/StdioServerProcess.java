package dev.plandev.mcp;

import dev.plandev.defaults.SmartDefaults;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A stdio MCP server in a process of its own, for tests that talk to it over a real pipe: {@code
 * java -cp <test classpath> dev.plandev.mcp.StdioServerProcess <temp folder> [follow]}. The plan
 * root is {@link TestPlans#root}; with {@code follow}, the roots follow the client's.
 */
final class StdioServerProcess {
  private StdioServerProcess() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    try (SmartDefaults engine = TestPlans.engine(dir)) {
      PlandevMcp.builder()
          .roots(List.of(TestPlans.root(dir)))
          .followClientRoots(args.length > 1 && args[1].equals("follow"))
          .defaults(() -> engine)
          .clock(Clock.systemUTC())
          .build()
          .serveStdio(System.in, System.out);
    }
    System.exit(0);
  }
}
