package dev.plandev.plans.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import dev.plandev.plans.PlanFileException;
import dev.plandev.plans.PlanFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches a folder tree and reports each Markdown plan that changed, once its events settle.
 *
 * <p>Editors save in bursts (truncate, write, rename a temporary file), so every event only marks
 * its file as pending with the time from the injected {@link Clock}; a file is due when no event
 * touched it for the debounce period. A program may also pause in the middle of writing a file
 * (write half, wait, write the rest), and a listener that rewrote the half-written file would make
 * the rest land in a file that no longer has the name. So a due file is only reported once it has
 * also <em>settled</em>: its size, modification time and content hash are what they were one settle
 * period earlier. The event carries that content's hash, so the listener can check, under the
 * file's lock, that it acts on the very content that settled. New sub-folders are registered as
 * they appear (with the plans already inside them), and keys of deleted folders are dropped, so
 * renames and deletions never stop the watch. A listener that throws does not stop it either: one
 * broken plan must not end the session.
 */
public final class PlanWatcher implements Closeable {
  private static final Set<String> SKIPPED = Set.of(".git", "node_modules", "target");
  private static final long IDLE_WAIT_MILLIS = 1000;

  private final Path root;
  private final Duration debounce;
  private final Duration settle;
  private final Clock clock;
  private final Consumer<PlanEvent> listener;
  private final WatchService service;
  private final Map<WatchKey, Path> folders = new HashMap<>();
  private final Map<Path, Instant> pending = new LinkedHashMap<>();

  /** The last snapshot of each pending file that was due but not yet settled. */
  private final Map<Path, Seen> unsettled = new HashMap<>();

  private volatile boolean closed;

  /** A snapshot of a file and when it was taken. */
  private record Seen(FileSnapshot snapshot, Instant at) {}

  /**
   * Starts watching {@code root} and everything under it, reporting a file as soon as it has been
   * quiet for {@code debounce}, with no settle period.
   *
   * @throws PlanFileException when {@code root} is not a folder or cannot be watched
   */
  public PlanWatcher(Path root, Duration debounce, Clock clock, Consumer<PlanEvent> listener) {
    this(root, debounce, Duration.ZERO, clock, listener);
  }

  /**
   * Starts watching {@code root} and everything under it.
   *
   * @param debounce how long a file must go without events before it is looked at
   * @param settle how long its size, modification time and content must then stay the same before
   *     it is reported; zero reports it when it is first looked at
   * @throws PlanFileException when {@code root} is not a folder or cannot be watched
   */
  public PlanWatcher(
      Path root, Duration debounce, Duration settle, Clock clock, Consumer<PlanEvent> listener) {
    if (!Files.isDirectory(root)) {
      throw PlanFileException.notAFolder(root);
    }
    this.root = root;
    this.debounce = debounce;
    this.settle = settle;
    this.clock = clock;
    this.listener = listener;
    try {
      this.service = root.getFileSystem().newWatchService();
      registerTree(root, false);
    } catch (IOException e) {
      throw PlanFileException.io("watching", root, e);
    }
  }

  /** Reports events until {@link #close()} is called (from another thread or a shutdown hook). */
  public void run() {
    while (!closed) {
      try {
        pollOnce(nextWait());
      } catch (ClosedWatchServiceException e) {
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Stops the watch; {@link #run()} returns soon after. */
  @Override
  public void close() {
    closed = true;
    try {
      service.close();
    } catch (IOException ignored) {
      // Closing is best effort; the watch is over either way.
    }
  }

  /**
   * Waits up to {@code wait} for file-system events, takes every event available, then reports the
   * plans whose debounce period has passed. Exposed to tests so they drive time themselves.
   */
  void pollOnce(Duration wait) throws InterruptedException {
    WatchKey key = service.poll(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
    while (key != null) {
      handle(key);
      key = service.poll();
    }
    reportSettled();
  }

  /** Number of plans waiting for their debounce period to pass. */
  int pendingCount() {
    return pending.size();
  }

  private Duration nextWait() {
    if (pending.isEmpty()) {
      return Duration.ofMillis(IDLE_WAIT_MILLIS);
    }
    Instant first = pending.values().stream().min(Instant::compareTo).orElseThrow();
    Duration left = Duration.between(clock.instant(), first.plus(debounce));
    return left.isNegative() ? Duration.ZERO : left.plusMillis(1);
  }

  private void handle(WatchKey key) {
    Path folder = folders.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (folder == null) {
        continue;
      }
      if (event.kind() == OVERFLOW) {
        // Events were lost: treat every plan of the folder as changed rather than miss one.
        enqueuePlansIn(folder);
        continue;
      }
      Path path = folder.resolve((Path) event.context());
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
        registerQuietly(path);
      } else if (PlanFiles.isMarkdown(path)) {
        pending.put(path, clock.instant());
      }
    }
    if (!key.reset()) {
      folders.remove(key);
    }
  }

  private void reportSettled() {
    Instant now = clock.instant();
    List<Path> due = new ArrayList<>();
    pending.forEach(
        (path, last) -> {
          if (!now.isBefore(last.plus(debounce))) {
            due.add(path);
          }
        });
    for (Path path : due) {
      pending.remove(path);
      PlanEvent event = settledEvent(path, now);
      if (event == null) {
        // Looked at again one settle period from now (at least one debounce, so a file written
        // without pause is not read in a loop), or when another event comes.
        Duration again = settle.compareTo(debounce) > 0 ? settle : debounce;
        pending.put(path, now.plus(again).minus(debounce));
        continue;
      }
      unsettled.remove(path);
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        // The listener reports its own failures; a bad plan must not end the watch.
      }
    }
  }

  /** The event to report for a due file, or null when it has not settled yet. */
  private PlanEvent settledEvent(Path path, Instant now) {
    if (!Files.isRegularFile(path)) {
      return new PlanEvent(PlanEvent.Kind.DELETED, path, null);
    }
    Optional<FileSnapshot> snapshot;
    try {
      snapshot = FileSnapshot.of(path);
    } catch (IOException e) {
      // Unreadable (or gone meanwhile): the listener finds out why when it reads the file.
      return new PlanEvent(PlanEvent.Kind.CHANGED, path, null);
    }
    if (snapshot.isEmpty()) {
      unsettled.remove(path);
      return null;
    }
    Seen before = unsettled.get(path);
    boolean settled =
        settle.isZero()
            || before != null
                && before.snapshot().equals(snapshot.get())
                && !now.isBefore(before.at().plus(settle));
    if (settled) {
      return new PlanEvent(PlanEvent.Kind.CHANGED, path, snapshot.get().contentHash());
    }
    if (before == null || !before.snapshot().equals(snapshot.get())) {
      unsettled.put(path, new Seen(snapshot.get(), now));
    }
    return null;
  }

  private void enqueuePlansIn(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      files.filter(PlanFiles::isMarkdown).forEach(p -> pending.put(p, clock.instant()));
    } catch (IOException e) {
      // The folder is gone; its deletion is reported through its plans' own events.
    }
  }

  private void registerQuietly(Path folder) {
    try {
      registerTree(folder, true);
    } catch (IOException e) {
      // The folder vanished or cannot be read; there is nothing in it to watch.
    }
  }

  /** Registers {@code top} and its sub-folders; plans found in a new folder count as changed. */
  private void registerTree(Path top, boolean newFolder) throws IOException {
    try (Stream<Path> walk = Files.walk(top)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        if (skipped(path)) {
          continue;
        }
        if (Files.isDirectory(path)) {
          WatchKey key = path.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
          folders.put(key, path);
        } else if (newFolder && PlanFiles.isMarkdown(path)) {
          pending.put(path, clock.instant());
        }
      }
    }
  }

  private boolean skipped(Path path) {
    for (Path part : root.relativize(path)) {
      if (SKIPPED.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }
}
