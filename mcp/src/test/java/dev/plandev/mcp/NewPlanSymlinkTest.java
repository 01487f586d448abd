package dev.plandev.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.SmartDefaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan_new} never writes outside the plan roots through a symbolic link planted where the
 * plan or one of its folders would go, whether the link points at something or at nothing yet.
 */
class NewPlanSymlinkTest {
  @TempDir Path dir;
  SmartDefaults engine;
  Path root;
  Path outside;
  NewPlanTool tool;

  @BeforeEach
  void setUp() throws Exception {
    engine = TestPlans.engine(dir);
    root = TestPlans.root(dir);
    outside = Files.createDirectories(dir.resolve("outside"));
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    tool =
        new NewPlanTool(new PlanRoots(List.of(root)), () -> engine, clock, new Object(), p -> {});
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private ToolAnswer newPlan(boolean dryRun) {
    Map<String, Object> values = new HashMap<>();
    values.put("template", "plan-dev");
    values.put("answers", Map.of("title", "Cache Redis"));
    values.put("dir", "new");
    values.put("force", true);
    values.put("dryRun", dryRun);
    return tool.call(DefaultsToolsTest.args(values), PlanToolsTest.EDITOR);
  }

  /** Where the plan would be written, relative to the folder {@code new}. */
  private String planName() {
    String uri = (String) ((List<?>) newPlan(true).structured().get("files")).get(0);
    return uri.substring("plan://new/".length());
  }

  private void assertNothingOutside() throws Exception {
    try (Stream<Path> files = Files.walk(outside)) {
      assertThat(files).containsExactly(outside);
    }
  }

  @Test
  void danglingLinkWhereThePlanGoes_pointingOutside_isRefused() throws Exception {
    String name = planName();
    Path link = root.resolve("new").resolve(name);
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, outside.resolve("stolen.md"));

    assertThatThrownBy(() -> newPlan(false))
        .isInstanceOf(McpToolException.class)
        .hasMessageContaining("symbolic link")
        .hasMessageContaining("plan roots");
    assertNothingOutside();
    assertThat(Files.isSymbolicLink(link)).isTrue();
  }

  @Test
  void folderThatIsALinkOutOfTheRoot_isRefused() throws Exception {
    String name = planName();
    Files.createSymbolicLink(root.resolve("new"), outside);

    assertThatThrownBy(() -> newPlan(false))
        .isInstanceOf(McpToolException.class)
        .hasMessageContaining("symbolic link");
    assertNothingOutside();
    assertThat(name).isNotEmpty();
  }

  @Test
  void folderThatIsADanglingLinkOutOfTheRoot_isRefused() throws Exception {
    planName();
    Files.createSymbolicLink(root.resolve("new"), outside.resolve("not-yet"));

    assertThatThrownBy(() -> newPlan(false))
        .isInstanceOf(McpToolException.class)
        .hasMessageContaining("symbolic link");
    assertNothingOutside();
  }
}
