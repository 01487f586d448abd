package dev.plandev.mcp;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.PlanFileEdit;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * How the tools of one server change an existing plan file: one at a time within the server, and
 * each through {@link PlanFileEdit}, which takes the file's lock (shared with the CLI and the web
 * UI) and writes only if the bytes it parsed are still on disk. The file must come from {@link
 * PlanRoots#existing}, so it is confined to the roots.
 *
 * <p>Not final: a test plays another program that keeps writing the plan during an edit, which no
 * real collaborator can do on demand.
 */
class PlanEdits {
  private final Object writes;

  /** Edits that queue on {@code writes}, the monitor every writing tool of the server shares. */
  PlanEdits(Object writes) {
    this.writes = writes;
  }

  /**
   * Applies {@code change} to the plan at {@code file} and returns its outcome; {@code change} may
   * run more than once, on the file's current content each time.
   *
   * @throws dev.plandev.plans.PlanFileException when the file keeps changing under the edit, is
   *     read-only or cannot be written
   */
  <R> R apply(Path file, Function<PlanDocument, PlanFileEdit.Change<R>> change) {
    synchronized (writes) {
      return PlanFileEdit.apply(file, change);
    }
  }
}
