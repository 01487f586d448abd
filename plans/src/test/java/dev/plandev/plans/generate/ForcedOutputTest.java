package dev.plandev.plans.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.plans.PlanFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --force} replaces an existing plan the way every plan edit does, and never creates a file
 * through a symbolic link planted where the plan goes.
 */
class ForcedOutputTest {
  @TempDir Path dir;

  private void generateForced() {
    Clock june = Clock.fixed(Instant.parse("2025-06-15T10:00:00Z"), ZoneOffset.UTC);
    new PlanGenerator(TemplateCatalog.builtIn(), new RecordingDefaults(), june)
        .generate(
            GenerationRequest.builder(new WorkingEnvironment(dir, "plandev", "alice", "linux"))
                .template("plan-dev")
                .language("fr")
                .set("title", "Cache Redis")
                .acceptDefaults(true)
                .force(true)
                .build(),
            PromptInput.none());
  }

  @Test
  void force_overADanglingLink_writesNothingThroughIt() throws Exception {
    Path plan = dir.resolve(PlanGeneratorTest.PLAN);
    Files.createDirectories(plan.getParent());
    Path outside = Files.createTempDirectory("outside");
    Files.createSymbolicLink(plan, outside.resolve("stolen.md"));

    assertThatThrownBy(this::generateForced).hasMessageContaining("symbolic link");
    assertThat(outside.resolve("stolen.md")).doesNotExist();
    Files.delete(outside);
  }

  @Test
  void force_overAReadOnlyPlan_isRefused() throws Exception {
    Path plan = dir.resolve(PlanGeneratorTest.PLAN);
    Files.createDirectories(plan.getParent());
    Files.writeString(plan, "mine\n");
    Files.setPosixFilePermissions(plan, PosixFilePermissions.fromString("r--r--r--"));

    assertThatThrownBy(this::generateForced)
        .isInstanceOf(PlanFileException.class)
        .hasMessageContaining("read-only");
    assertThat(plan).hasContent("mine");
  }
}
