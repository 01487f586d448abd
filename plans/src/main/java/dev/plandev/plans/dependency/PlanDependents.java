package dev.plandev.plans.dependency;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.PlanFileException;
import dev.plandev.plans.PlanFiles;
import dev.plandev.plans.Task;
import dev.plandev.plans.metadata.Dependency;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tasks of other plans that depend on a task: the other direction of {@code
 * #depends:other-plan.md#2.1}, found by reading the plans under some folders.
 *
 * <p>A plan file is parsed only when its text holds {@code .md#}, so a folder of plans without
 * cross-plan references costs one read per file. Unreadable files are skipped: they cannot depend
 * on anything.
 */
public final class PlanDependents {
  private PlanDependents() {}

  /**
   * A task of another plan that depends on the task asked about.
   *
   * @param plan the other plan
   * @param task its task
   */
  public record Dependent(PlanDocument plan, Task task) {}

  /**
   * Tasks of the plans under {@code roots} (files or folders, other than {@code plan} itself) that
   * depend on {@code task} of {@code plan}, by file then document order.
   */
  public static List<Dependent> of(PlanDocument plan, Task task, List<Path> roots) {
    Optional<Path> target = real(plan.path());
    if (target.isEmpty()) {
      return List.of();
    }
    List<Dependent> out = new ArrayList<>();
    for (Path file : PlanFiles.expand(roots)) {
      Optional<Path> real = real(file);
      if (real.isEmpty() || real.equals(target) || !mentionsAPlan(file)) {
        continue;
      }
      PlanDocument other;
      try {
        other = PlanDocument.parse(file);
      } catch (PlanFileException e) {
        continue;
      }
      Path folder = file.toAbsolutePath().getParent();
      for (Task candidate : other.tasks()) {
        for (Dependency d : candidate.metadata().dependencies()) {
          if (d.plan() != null
              && real(folder.resolve(d.plan())).equals(target)
              && plan.taskWithId(d.taskId()).orElse(null) == task) {
            out.add(new Dependent(other, candidate));
            break;
          }
        }
      }
    }
    return out;
  }

  private static boolean mentionsAPlan(Path file) {
    try {
      String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      return text.toLowerCase(Locale.ROOT).contains(".md#");
    } catch (IOException e) {
      return false;
    }
  }

  private static Optional<Path> real(Path path) {
    if (path == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(path.toRealPath());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
