package dev.plandev.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFileEditTest {
  @TempDir Path dir;

  private Path plan(String text) throws IOException {
    Path plan = dir.resolve("plan.md");
    Files.writeString(plan, text);
    return plan;
  }

  private static PlanFileEdit.Change<Void> check(PlanDocument plan, String task) {
    return new PlanFileEdit.Change<>(plan.withChecked(plan.task(task), true), null);
  }

  @Test
  void twoThreads_checkingDifferentTasks_loseNothing() throws Exception {
    StringBuilder text = new StringBuilder("# Plan\n\n");
    for (int i = 0; i < 200; i++) {
      text.append(String.format("- [ ] a-%03d%n- [ ] b-%03d%n", i, i));
    }
    Path plan = plan(text.toString());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> runs = new ArrayList<>();
    for (String prefix : List.of("a", "b")) {
      runs.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 200; i++) {
                  String task = String.format("%s-%03d", prefix, i);
                  PlanFileEdit.apply(plan, p -> check(p, task));
                }
              }));
    }
    for (Future<?> run : runs) {
      run.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();

    assertThat(Files.readString(plan).lines().filter(l -> l.startsWith("- [x]"))).hasSize(400);
    assertThat(Files.list(dir)).containsExactly(plan);
  }

  @Test
  void writerWithoutTheLock_inTheMiddle_isNotOverwritten_theChangeIsAppliedAgain()
      throws IOException {
    Path plan = plan("- [ ] a\n- [ ] b\n");
    AtomicInteger runs = new AtomicInteger();

    PlanFileEdit.apply(
        plan,
        p -> {
          if (runs.getAndIncrement() == 0) {
            writeUnlocked(plan, "- [ ] a\n- [x] b\n");
          }
          return check(p, "a");
        });

    assertThat(runs).hasValue(2);
    assertThat(Files.readString(plan)).isEqualTo("- [x] a\n- [x] b\n");
  }

  @Test
  void fileThatKeepsChanging_isLeftAsWritten_withAPlainMessage() throws IOException {
    Path plan = plan("- [ ] a\n");
    AtomicInteger runs = new AtomicInteger();

    assertThatThrownBy(
            () ->
                PlanFileEdit.apply(
                    plan,
                    p -> {
                      writeUnlocked(plan, "- [ ] a\n" + "x".repeat(runs.incrementAndGet()));
                      return check(p, "a");
                    }))
        .isInstanceOf(PlanFileException.class)
        .hasMessageContaining("changed on disk while it was being edited")
        .hasMessageContaining("run the command again");
    assertThat(Files.readString(plan)).startsWith("- [ ] a\n");
  }

  @Test
  void save_ofADocumentParsedBeforeSomeoneElseWrote_refusesToOverwrite() throws IOException {
    Path plan = plan("- [ ] a\n- [ ] b\n");
    PlanDocument stale = PlanDocument.parse(plan);
    Files.writeString(plan, "- [ ] a\n- [x] b\n");

    assertThatThrownBy(() -> stale.withChecked(stale.task("a"), true).save())
        .isInstanceOf(PlanFileException.class)
        .hasMessageContaining("changed on disk");
    assertThat(Files.readString(plan)).isEqualTo("- [ ] a\n- [x] b\n");
  }

  @Test
  void readOnlyFile_isRefused_evenForRoot_andLeftAlone() throws IOException {
    Path plan = plan("- [ ] a\n");
    Files.setPosixFilePermissions(plan, PosixFilePermissions.fromString("r--r--r--"));

    assertThatThrownBy(() -> PlanFileEdit.apply(plan, p -> check(p, "a")))
        .isInstanceOf(PlanFileException.class)
        .hasMessageContaining("read-only")
        .hasMessageContaining("chmod u+w")
        .isNotInstanceOf(NotAPlanException.class);
    assertThat(Files.readString(plan)).isEqualTo("- [ ] a\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plan)))
        .isEqualTo("r--r--r--");
  }

  private static void writeUnlocked(Path plan, String text) {
    try {
      Files.writeString(plan, text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
