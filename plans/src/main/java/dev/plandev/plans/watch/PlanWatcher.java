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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches a folder tree and reports each Markdown plan that changed, once its events settle.
 *
 * <p>Editors save in bursts (truncate, write, rename a temporary file), so every event only marks
 * its file as pending with the time from the injected {@link Clock}; a file is reported when no
 * event touched it for the debounce period. New sub-folders are registered as they appear (with the
 * plans already inside them), and keys of deleted folders are dropped, so renames and deletions
 * never stop the watch. A listener that throws does not stop it either: one broken plan must not
 * end the session.
 */
public final class PlanWatcher implements Closeable {
  private static final Set<String> SKIPPED = Set.of(".git", "node_modules", "target");
  private static final long IDLE_WAIT_MILLIS = 1000;

  private final Path root;
  private final Duration debounce;
  private final Clock clock;
  private final Consumer<PlanEvent> listener;
  private final WatchService service;
  private final Map<WatchKey, Path> folders = new HashMap<>();
  private final Map<Path, Instant> pending = new LinkedHashMap<>();
  private volatile boolean closed;

  /**
   * Starts watching {@code root} and everything under it.
   *
   * @throws PlanFileException when {@code root} is not a folder or cannot be watched
   */
  public PlanWatcher(Path root, Duration debounce, Clock clock, Consumer<PlanEvent> listener) {
    if (!Files.isDirectory(root)) {
      throw PlanFileException.notAFolder(root);
    }
    this.root = root;
    this.debounce = debounce;
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
      PlanEvent.Kind kind =
          Files.isRegularFile(path) ? PlanEvent.Kind.CHANGED : PlanEvent.Kind.DELETED;
      try {
        listener.accept(new PlanEvent(kind, path));
      } catch (RuntimeException e) {
        // The listener reports its own failures; a bad plan must not end the watch.
      }
    }
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
