package dev.plandev.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written edge-case plans in test resources, read as real files. */
class FixturePlansTest {
  @TempDir Path dir;

  private Path copy(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/plans/" + name)) {
      Path file = dir.resolve(name);
      Files.write(file, in.readAllBytes());
      return file;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sample.md", "crlf.md", "bom.md", "no-final-newline.md", "fences.md"})
  void fixture_roundTripsByteForByte_andTogglesOneByte(String name) throws IOException {
    Path file = copy(name);
    byte[] original = Files.readAllBytes(file);
    PlanDocument plan = PlanDocument.parse(file);

    assertThat(plan.bytes()).isEqualTo(original);
    Task first = plan.tasks().get(0);
    byte[] toggled = plan.withChecked(first, !first.checked()).bytes();
    int changed = 0;
    for (int i = 0; i < original.length; i++) {
      changed += original[i] != toggled[i] ? 1 : 0;
    }
    assertThat(toggled).hasSameSizeAs(original);
    assertThat(changed).isEqualTo(1);
  }

  @Test
  void crlf_fixture() throws IOException {
    PlanDocument plan = PlanDocument.parse(copy("crlf.md"));

    assertThat(new String(plan.bytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("\r\n");
    assertThat(plan.tasks()).extracting(Task::text).containsExactly("fait", "à faire");
    assertThat(plan.progress()).isEqualTo(new Progress(1, 2));
  }

  @Test
  void bom_fixture() throws IOException {
    PlanDocument plan = PlanDocument.parse(copy("bom.md"));

    assertThat(plan.bytes()[0]).isEqualTo((byte) 0xEF);
    assertThat(plan.root().title()).isEqualTo("Plan avec BOM");
    assertThat(plan.tasks()).extracting(Task::id).containsExactly("1#1");
  }

  @Test
  void noFinalNewline_fixture() throws IOException {
    PlanDocument plan = PlanDocument.parse(copy("no-final-newline.md"));

    assertThat(plan.toString()).endsWith("- [ ] dernière");
    assertThat(plan.task("dernière").line()).isEqualTo(6);
  }

  @Test
  void fences_fixture_onlyRealTasksCount() throws IOException {
    PlanDocument plan = PlanDocument.parse(copy("fences.md"));

    assertThat(plan.tasks())
        .extracting(Task::text)
        .containsExactly("vraie tâche", "Tâche avec code imbriqué");
    assertThat(plan.unclosedFences()).hasSize(1);
    assertThat(plan.unclosedFences().get(0).lookalikeLine()).isEqualTo(24);
  }
}
