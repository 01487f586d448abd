package dev.plandev.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.plans.PlanException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan the user made read-only stays as it is when an agent asks to update it. */
class UpdateToolReadOnlyTest {
  @TempDir Path dir;

  @Test
  void planUpdate_onAReadOnlyPlan_isAToolError_andChangesNothing() throws Exception {
    Path root = TestPlans.root(dir);
    Path plan = root.resolve("docs/plan.md");
    Files.setPosixFilePermissions(plan, PosixFilePermissions.fromString("r--r--r--"));
    UpdateTool tool = new UpdateTool(new PlanRoots(List.of(root)), new PlanEdits(new Object()));
    Arguments args =
        new Arguments(
            "plan_update",
            Map.of("plan", "docs/plan.md", "check", List.of("1.1")),
            Set.of("plan", "check", "sync"));

    assertThatThrownBy(() -> tool.call(args, new McpCaller("ada", true)))
        .isInstanceOf(PlanException.class)
        .hasMessageContaining("read-only")
        .hasMessageContaining("chmod u+w");
    assertThat(Files.readString(plan)).isEqualTo(TestPlans.PLAN);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plan)))
        .isEqualTo("r--r--r--");
  }
}
