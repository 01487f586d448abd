package dev.plandev.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.cli.plan.ConcurrentPlanEditTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MCP {@code plan_update} in this JVM and {@code plandev check} in a child process edit one plan at
 * the same time: no edit of either may be lost. It lives in the cli module, the only one that has
 * both, and in the mcp package to call the tool as the server does.
 */
class UpdateToolAgainstCliProcessTest {
  @TempDir Path dir;

  @Test
  void planUpdate_againstCheckInAnotherProcess_losesNoCheck() throws Exception {
    Path plan = ConcurrentPlanEditTest.writePlan(dir, "alpha", "beta");
    UpdateTool tool = new UpdateTool(new PlanRoots(List.of(dir)), new PlanEdits(new Object()));
    McpCaller editor = new McpCaller("ada", true);
    Process cli = ConcurrentPlanEditTest.startCheckLoop(plan, "alpha");

    ConcurrentPlanEditTest.go(cli);
    int failed = 0;
    for (int i = 0; i < ConcurrentPlanEditTest.TOGGLES; i++) {
      Map<String, Object> values =
          Map.of("plan", "plan.md", "check", List.of(ConcurrentPlanEditTest.task("beta", i)));
      try {
        tool.call(new Arguments("plan_update", values, Set.of("plan", "check", "sync")), editor);
      } catch (RuntimeException e) {
        failed++;
      }
    }
    String cliRun = ConcurrentPlanEditTest.finish(cli);

    assertThat(ConcurrentPlanEditTest.checked(plan, "beta"))
        .as("plan_update checks that landed (%d calls failed)", failed)
        .isEqualTo(ConcurrentPlanEditTest.TOGGLES);
    assertThat(ConcurrentPlanEditTest.checked(plan, "alpha"))
        .as("CLI checks that landed; %s", cliRun)
        .isEqualTo(ConcurrentPlanEditTest.TOGGLES);
    assertThat(failed).isZero();
    assertThat(cliRun).startsWith("exit 0\n");
    assertThat(Files.list(dir)).containsExactly(plan);
  }
}
