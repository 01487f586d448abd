package dev.plandev.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanRootsTest {
  @TempDir Path dir;

  @Test
  void existing_relativeToRoot() throws Exception {
    Path root = TestPlans.root(dir);
    PlanRoots roots = new PlanRoots(List.of(root));

    Path plan = roots.existing("docs/plan.md");

    assertThat(plan).isEqualTo(root.toRealPath().resolve("docs/plan.md"));
    assertThat(roots.relative(plan)).isEqualTo("docs/plan.md");
  }

  @Test
  void existing_dotDotEscape_refusedNamingTheRoots() throws Exception {
    Path root = TestPlans.root(dir);
    Files.writeString(dir.resolve("secret.md"), "# secret");
    PlanRoots roots = new PlanRoots(List.of(root));

    assertThatThrownBy(() -> roots.existing("../secret.md"))
        .isInstanceOf(McpToolException.class)
        .hasMessageContaining("outside the plan roots")
        .hasMessageContaining(root.toRealPath().toString());
    assertThatThrownBy(() -> roots.existing("docs/../../secret.md"))
        .hasMessageContaining("outside the plan roots");
    assertThatThrownBy(() -> roots.existing(dir.resolve("secret.md").toString()))
        .hasMessageContaining("outside the plan roots");
  }

  @Test
  void existing_symlinkEscape_refused() throws Exception {
    Path root = TestPlans.root(dir);
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("secret.md"), "# secret");
    Files.createSymbolicLink(root.resolve("link.md"), outside.resolve("secret.md"));
    Files.createSymbolicLink(root.resolve("linked-dir"), outside);
    PlanRoots roots = new PlanRoots(List.of(root));

    assertThatThrownBy(() -> roots.existing("link.md"))
        .isInstanceOf(McpToolException.class)
        .hasMessageContaining("symbolic link");
    assertThatThrownBy(() -> roots.existing("linked-dir/secret.md"))
        .hasMessageContaining("symbolic link");
    assertThatThrownBy(() -> roots.requireWritable(root.resolve("linked-dir/new/plan.md")))
        .hasMessageContaining("symbolic link");
    assertThat(roots.plans()).containsOnlyKeys("docs/plan.md");
  }

  @Test
  void existing_missing_saysHowToFindPlans() throws Exception {
    PlanRoots roots = new PlanRoots(List.of(TestPlans.root(dir)));

    assertThatThrownBy(() -> roots.existing("docs/nope.md"))
        .hasMessageContaining("no plan 'docs/nope.md'")
        .hasMessageContaining("plan://");
  }

  @Test
  void existing_laterRootsAreSearchedToo() throws Exception {
    Path first = Files.createDirectories(dir.resolve("a"));
    Path second = TestPlans.root(dir);
    PlanRoots roots = new PlanRoots(List.of(first, second));

    assertThat(roots.existing("docs/plan.md")).startsWith(second.toRealPath());
  }

  @Test
  void folder_newFolderInsideRoot() throws Exception {
    Path root = TestPlans.root(dir);
    PlanRoots roots = new PlanRoots(List.of(root));

    assertThat(roots.folder("new/sub")).isEqualTo(root.toRealPath().resolve("new/sub"));
    assertThatThrownBy(() -> roots.folder("../x")).hasMessageContaining("outside the plan roots");
  }

  @Test
  void constructor_missingRoot_refused() {
    assertThatThrownBy(() -> new PlanRoots(List.of(dir.resolve("nope"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not exist");
  }
}
