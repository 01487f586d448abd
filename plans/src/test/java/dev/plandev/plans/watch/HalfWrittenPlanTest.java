package dev.plandev.plans.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.progress.ProgressSync;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: {@code watch --sync} rewrote files that an editor was still writing in place (two
 * writes 0.7 s apart), and 9 of 10 plans ended cut short. Here ten writer threads each write a plan
 * in two halves through one open file, pausing in between until the test lets them go on, while the
 * watcher syncs whatever it reports.
 */
class HalfWrittenPlanTest {
  private static final Duration DEBOUNCE = Duration.ofMillis(300);
  private static final Duration SETTLE = Duration.ofMillis(1000);
  private static final int FILES = 10;
  private static final String FIRST_HALF =
      "# Plan\n\n*Progression: 0%*\n\n## 1. Build\n\n- [x] a\n";
  private static final String SECOND_HALF = "- [ ] b\n- [x] c\n- [ ] d\n";

  @TempDir Path dir;
  private final PlanWatcherTest.StepClock clock = new PlanWatcherTest.StepClock();
  private final List<PlanEvent> events = new CopyOnWriteArrayList<>();
  private final List<RuntimeException> failures = new CopyOnWriteArrayList<>();
  private PlanWatcher watcher;

  @AfterEach
  void close() {
    watcher.close();
  }

  @Test
  void aPlanWrittenInTwoHalves_isSyncedOnlyOnceWhole_neverCutShort() throws Exception {
    watcher = new PlanWatcher(dir, DEBOUNCE, SETTLE, clock, this::sync);
    CountDownLatch halfWritten = new CountDownLatch(FILES);
    CountDownLatch goOn = new CountDownLatch(1);
    List<Thread> writers = new ArrayList<>();
    for (int i = 0; i < FILES; i++) {
      Path plan = dir.resolve("plan-" + i + ".md");
      Thread writer = new Thread(() -> writeInTwoHalves(plan, halfWritten, goOn), "writer-" + i);
      writer.start();
      writers.add(writer);
    }
    assertThat(halfWritten.await(10, TimeUnit.SECONDS)).isTrue();
    awaitPending(FILES);

    // Quiet for the debounce: an editor pausing mid-write looks just like one that is done.
    clock.advance(DEBOUNCE);
    watcher.pollOnce(Duration.ZERO);
    goOn.countDown();
    for (Thread writer : writers) {
      writer.join(10_000);
    }
    // Time goes on until every plan has been reported (each write's event arriving in its time).
    for (int i = 0; i < 200 && events.size() < FILES; i++) {
      clock.advance(SETTLE);
      watcher.pollOnce(Duration.ofMillis(50));
    }

    assertThat(failures).isEmpty();
    String whole =
        new String(
            ProgressSync.sync(
                    PlanDocument.parse(
                        Path.of("plan.md"),
                        (FIRST_HALF + SECOND_HALF).getBytes(StandardCharsets.UTF_8)))
                .bytes(),
            StandardCharsets.UTF_8);
    assertThat(whole).contains("*Progression: 50%*");
    for (int i = 0; i < FILES; i++) {
      assertThat(Files.readString(dir.resolve("plan-" + i + ".md")))
          .as("plan-%d.md", i)
          .isEqualTo(whole);
    }
    assertThat(events).hasSize(FILES);
  }

  /** What {@code plandev watch --sync} does with an event. */
  private void sync(PlanEvent event) {
    events.add(event);
    try {
      SettledSync.apply(event);
    } catch (RuntimeException e) {
      failures.add(e);
    }
  }

  /** Like an editor saving in place: truncate, write, pause, write the rest, close. */
  private static void writeInTwoHalves(Path plan, CountDownLatch halfWritten, CountDownLatch goOn) {
    try (FileChannel out =
        FileChannel.open(
            plan,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      out.write(ByteBuffer.wrap(FIRST_HALF.getBytes(StandardCharsets.UTF_8)));
      halfWritten.countDown();
      goOn.await();
      out.write(ByteBuffer.wrap(SECOND_HALF.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitPending(int pending) throws InterruptedException {
    for (int i = 0; i < 100 && watcher.pendingCount() < pending; i++) {
      watcher.pollOnce(Duration.ofMillis(50));
    }
    assertThat(watcher.pendingCount()).isEqualTo(pending);
  }
}
