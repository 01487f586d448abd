package dev.plandev.defaults;

import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.model.StorageException;
import dev.plandev.defaults.model.UsageEvent;
import dev.plandev.defaults.store.JdbcDefaultsStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the ranking engine the usage events it has not learned yet, on one background thread, and
 * saves the engine with the id of the last event it learned.
 *
 * <p>The engine learns every row of {@code usage_events} in id order, whichever process wrote it;
 * the id of the last one learned is saved beside the model ({@value #OFFSET_FILE}), so a restart
 * resumes where it stopped instead of rescanning history.
 *
 * <p>Why a thread of its own: catching up reads the database and may have a long way to go (another
 * process wrote many events, or the model was reset and all history is relearned). Predictions must
 * not wait for that nor see its errors, so they only ask for a catch-up ({@link #catchUp}) and rank
 * with what is learned so far. Requests made while a catch-up is queued share it; one made while a
 * catch-up runs gets the next one, which starts when the running one ends, so each request is
 * answered by a pass that began after it.
 *
 * <p>A failing pass is logged (a warning for the first failure, then quietly until it works again)
 * and retried on the next request; the engine keeps what it learned.
 */
final class BackgroundLearning implements AutoCloseable {
  static final String OFFSET_FILE = "learned-events.txt";
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundLearning.class);
  private static final int BATCH = 1000;

  private final RankingEngine engine;
  private final JdbcDefaultsStore database;
  private final Path modelDir;

  /**
   * Told the keys a pass learned events of, so that predictions ranked before (and cached) are
   * dropped: otherwise a prediction made while the engine was behind would outlive the catch-up.
   */
  private final Consumer<Set<String>> learnedKeys;

  private final ExecutorService thread;

  /** Held while learning one batch, retraining or saving, so the saved id matches the model. */
  private final ReentrantLock progress = new ReentrantLock();

  private final Object requests = new Object();
  private CompletableFuture<Long> queued;
  private boolean running;
  private boolean failing;
  private volatile String problem = "";
  private volatile boolean closed;
  private volatile long learnedId;
  private boolean dirty;

  BackgroundLearning(
      RankingEngine engine,
      JdbcDefaultsStore database,
      Path modelDir,
      Consumer<Set<String>> learnedKeys) {
    this.engine = engine;
    this.learnedKeys = learnedKeys;
    this.database = database;
    this.modelDir = modelDir;
    this.thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "plandev-learning");
              t.setDaemon(true);
              return t;
            });
    this.learnedId = readOffset();
  }

  /** The id of the last usage event learned. */
  /** Empty while learning works; otherwise why the last pass failed. */
  String problem() {
    return problem;
  }

  long learnedId() {
    return learnedId;
  }

  /**
   * Asks for the events written so far to be learned, without waiting; the answer completes with
   * the id of the last event learned once a pass that began after this call has found no more
   * events, or exceptionally when that pass failed.
   */
  CompletableFuture<Long> catchUp() {
    synchronized (requests) {
      if (closed) {
        return CompletableFuture.failedFuture(new IllegalStateException("learning has stopped"));
      }
      if (queued == null) {
        queued = new CompletableFuture<>();
        if (!running) {
          running = true;
          thread.execute(this::drain);
        }
      }
      return queued;
    }
  }

  /** Runs the queued pass, then the one queued meanwhile, until none is left. */
  private void drain() {
    CompletableFuture<Long> pass = null;
    try {
      while (true) {
        synchronized (requests) {
          pass = queued;
          queued = null;
          if (pass == null || closed) {
            running = false;
            if (pass != null) {
              pass.completeExceptionally(new IllegalStateException("learning has stopped"));
            }
            return;
          }
        }
        try {
          learnNewEvents();
          recovered();
          pass.complete(learnedId);
        } catch (RuntimeException e) {
          failed(e);
          pass.completeExceptionally(e);
        }
      }
    } finally {
      if (pass != null && !pass.isDone()) {
        // An Error ended the pass: whoever awaits it is told, and the next request starts anew.
        synchronized (requests) {
          running = false;
        }
        pass.completeExceptionally(new IllegalStateException("learning stopped unexpectedly"));
      }
    }
  }

  private void learnNewEvents() {
    while (!closed) {
      List<UsageEvent> events = database.usageEvents(null, learnedId, BATCH);
      Set<String> keys = new HashSet<>();
      progress.lock();
      try {
        for (UsageEvent e : events) {
          engine.learn(
              e.key(), e.context().fields(), e.value(), e.outcome() != Outcome.REJECTED, e.at());
          learnedId = e.id();
          dirty = true;
          keys.add(e.key());
        }
      } finally {
        progress.unlock();
        if (!keys.isEmpty()) {
          learnedKeys.accept(keys);
        }
      }
      if (events.size() < BATCH) {
        return;
      }
    }
  }

  private void failed(RuntimeException e) {
    problem =
        "cannot learn usage events after event "
            + learnedId
            + ": "
            + (e.getMessage() == null ? "unexpected failure, see the log" : e.getMessage());
    if (!failing) {
      failing = true;
      LOG.warn(
          "cannot learn new usage events after event {} ({}); predictions use what is learned so"
              + " far, and learning is retried on the next prediction or feedback",
          learnedId,
          e.toString(),
          e);
    } else {
      LOG.debug("learning new usage events still fails: {}", e.toString());
    }
  }

  private void recovered() {
    problem = "";
    if (failing) {
      failing = false;
      LOG.info("learning new usage events works again; learned up to event {}", learnedId);
    }
  }

  /** Retrains when {@code ml.updatePeriod} has passed, and saves what was learned. */
  boolean retrainIfDue() {
    progress.lock();
    try {
      boolean retrained = engine.retrainIfDue();
      if (retrained || dirty) {
        save();
      }
      return retrained;
    } finally {
      progress.unlock();
    }
  }

  /** Saves the model and, with it, the id of the last event it learned. */
  void save() {
    progress.lock();
    try {
      engine.save();
      writeOffset();
      dirty = false;
    } finally {
      progress.unlock();
    }
  }

  /**
   * Stops learning (a running pass stops after its batch) and saves what was learned; a pass stuck
   * in the database for longer than {@code waitMillis} is left behind, and the next start relearns
   * from the saved id.
   */
  void close(long waitMillis) {
    synchronized (requests) {
      closed = true; // under the lock, so that no request hands the stopped thread a pass
    }
    thread.shutdown();
    try {
      if (!thread.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)
          || !progress.tryLock(waitMillis, TimeUnit.MILLISECONDS)) {
        LOG.warn(
            "learning did not stop within {} ms; the model is not saved, and the next start"
                + " relearns the usage events after the last saved one",
            waitMillis);
        thread.shutdownNow();
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      thread.shutdownNow();
      return;
    }
    try {
      if (dirty) {
        save();
      }
    } catch (RuntimeException e) {
      LOG.warn("cannot save the ranking model on close: {}", e.getMessage());
    } finally {
      progress.unlock();
    }
  }

  @Override
  public void close() {
    close(10_000);
  }

  private long readOffset() {
    Path f = modelDir.resolve(OFFSET_FILE);
    if (!Files.exists(modelDir.resolve("ranker.model"))) {
      return 0; // no model: whatever was learned before is gone, so learn every event again
    }
    try {
      return Files.exists(f)
          ? Long.parseLong(Files.readString(f, StandardCharsets.UTF_8).trim())
          : 0;
    } catch (IOException | NumberFormatException e) {
      LOG.warn("cannot read {} ({}); the engine relearns all usage events", f, e.toString());
      return 0;
    }
  }

  private void writeOffset() {
    Path f = modelDir.resolve(OFFSET_FILE);
    Path tmp = modelDir.resolve(OFFSET_FILE + ".tmp");
    try {
      Files.createDirectories(modelDir);
      Files.writeString(tmp, Long.toString(learnedId), StandardCharsets.UTF_8);
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new StorageException("cannot write " + f + ": " + e.getMessage(), e);
    }
  }
}
