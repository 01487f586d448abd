package dev.plandev.plans.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanWatcherTest {
  private static final Duration DEBOUNCE = Duration.ofMillis(300);

  @TempDir Path dir;
  private final StepClock clock = new StepClock();
  private final List<PlanEvent> events = new CopyOnWriteArrayList<>();
  private PlanWatcher watcher;

  @AfterEach
  void close() {
    if (watcher != null) {
      watcher.close();
    }
  }

  private void start() {
    watcher = new PlanWatcher(dir, DEBOUNCE, clock, events::add);
  }

  /** An event as reported, with the hash of the file's content as it is now. */
  private static PlanEvent event(PlanEvent.Kind kind, Path file) throws IOException {
    return new PlanEvent(
        kind, file, Files.exists(file) ? FileSnapshot.hash(Files.readAllBytes(file)) : null);
  }

  /** Polls until the file system has told the watcher about {@code pending} files (or 5 s). */
  private void awaitPending(int pending) throws InterruptedException {
    for (int i = 0; i < 100 && watcher.pendingCount() < pending; i++) {
      watcher.pollOnce(Duration.ofMillis(50));
    }
    assertThat(watcher.pendingCount()).isEqualTo(pending);
  }

  @Test
  void burstOfWrites_isReportedOnce_afterTheDebounce() throws Exception {
    start();
    Path plan = dir.resolve("plan.md");
    Files.writeString(plan, "- [ ] a\n");
    Files.writeString(plan, "- [x] a\n");
    awaitPending(1);

    watcher.pollOnce(Duration.ZERO);
    assertThat(events).isEmpty();

    clock.advance(DEBOUNCE);
    watcher.pollOnce(Duration.ZERO);
    assertThat(events).containsExactly(event(PlanEvent.Kind.CHANGED, plan));
  }

  @Test
  void otherFiles_areIgnored() throws Exception {
    start();
    Files.writeString(dir.resolve("notes.txt"), "x");
    Files.writeString(dir.resolve("plan.md"), "x");
    awaitPending(1);
    clock.advance(DEBOUNCE);
    watcher.pollOnce(Duration.ZERO);

    assertThat(events)
        .extracting(e -> e.file().getFileName().toString())
        .containsExactly("plan.md");
  }

  @Test
  void renameAndDelete_areReported_andTheWatchGoesOn() throws Exception {
    Path plan = dir.resolve("plan.md");
    Files.writeString(plan, "x");
    start();
    Path renamed = dir.resolve("renamed.md");
    Files.move(plan, renamed);
    awaitPending(2);
    clock.advance(DEBOUNCE);
    watcher.pollOnce(Duration.ZERO);

    assertThat(events)
        .containsExactlyInAnyOrder(
            event(PlanEvent.Kind.DELETED, plan), event(PlanEvent.Kind.CHANGED, renamed));

    events.clear();
    Files.delete(renamed);
    awaitPending(1);
    clock.advance(DEBOUNCE);
    watcher.pollOnce(Duration.ZERO);
    assertThat(events).containsExactly(event(PlanEvent.Kind.DELETED, renamed));
  }

  @Test
  void newSubfolder_isWatchedToo() throws Exception {
    start();
    Path sub = Files.createDirectories(dir.resolve("phase"));
    awaitPending(0);
    for (int i = 0; i < 5; i++) {
      watcher.pollOnce(Duration.ofMillis(20));
    }
    Path plan = sub.resolve("p.md");
    Files.writeString(plan, "x");
    awaitPending(1);
    clock.advance(DEBOUNCE);
    watcher.pollOnce(Duration.ZERO);

    assertThat(events).containsExactly(event(PlanEvent.Kind.CHANGED, plan));
  }

  @Test
  void failingListener_doesNotStopTheWatch() throws Exception {
    watcher =
        new PlanWatcher(
            dir,
            DEBOUNCE,
            clock,
            e -> {
              events.add(e);
              throw new IllegalStateException("boom");
            });
    Path first = dir.resolve("a.md");
    Path second = dir.resolve("b.md");
    Files.writeString(first, "x");
    settleUntilReported(first);
    Files.writeString(second, "x");
    settleUntilReported(second);

    assertThat(events).extracting(PlanEvent::file).contains(first, second);
  }

  /** Polls and moves the clock past the debounce until {@code file} has been reported (5 s). */
  private void settleUntilReported(Path file) throws InterruptedException {
    for (int i = 0; i < 100 && events.stream().noneMatch(e -> e.file().equals(file)); i++) {
      watcher.pollOnce(Duration.ofMillis(50));
      clock.advance(DEBOUNCE);
      watcher.pollOnce(Duration.ZERO);
    }
  }

  @Test
  void close_endsRun() throws Exception {
    start();
    Thread runner = new Thread(watcher::run);
    runner.start();
    watcher.close();
    runner.join(5000);

    assertThat(runner.isAlive()).isFalse();
  }

  @Test
  void notAFolder_isRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("f.md"), "x");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new PlanWatcher(file, DEBOUNCE, clock, events::add))
        .hasMessageContaining("not a folder")
        .hasMessageContaining(file.toString())
        .isInstanceOf(dev.plandev.plans.NotAPlanException.class);
  }

  /** A clock that moves only when told, so debounce is tested without sleeping. */
  static final class StepClock extends Clock {
    private volatile Instant now = Instant.parse("2025-06-01T10:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
