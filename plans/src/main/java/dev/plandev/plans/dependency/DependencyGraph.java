package dev.plandev.plans.dependency;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.PlanFileException;
import dev.plandev.plans.Task;
import dev.plandev.plans.metadata.Dependency;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@code #depends:} links of a plan, resolved to tasks.
 *
 * <p>A dependency names a task id of the same plan, or {@code other.md#id} for a task of a plan
 * found relative to this plan's folder. Other plans are read once, when first needed, so a plan
 * without cross-plan references reads no other file. Only exact ids count (no text search), so a
 * typo shows up as a missing task rather than a wrong one.
 */
public final class DependencyGraph {
  private final PlanDocument plan;
  private final Map<Path, PlanDocument> plans = new HashMap<>();
  private final Map<Path, String> unreadable = new HashMap<>();
  private final Map<Task, PlanDocument> owner = new IdentityHashMap<>();
  private final Predicate<Path> mayRead;

  private DependencyGraph(PlanDocument plan, Predicate<Path> mayRead) {
    this.plan = plan;
    this.mayRead = mayRead;
    remember(plan);
  }

  /** The graph of {@code plan}; other plans are read lazily from the plan's folder. */
  public static DependencyGraph of(PlanDocument plan) {
    return new DependencyGraph(plan, file -> true);
  }

  /**
   * The graph of {@code plan}, reading another plan only where {@code mayRead} allows its real
   * path: a server confines references such as {@code ../x.md#1} to the folders it serves, so that
   * a plan cannot be used to learn about files outside them.
   */
  public static DependencyGraph confined(PlanDocument plan, Predicate<Path> mayRead) {
    return new DependencyGraph(plan, mayRead);
  }

  /** The plan this graph was made for. */
  public PlanDocument plan() {
    return plan;
  }

  /** What each of {@code task}'s dependencies names, in the order written. */
  public List<ResolvedDependency> dependenciesOf(Task task) {
    PlanDocument from = owner.getOrDefault(task, plan);
    List<ResolvedDependency> out = new ArrayList<>();
    for (Dependency dependency : task.metadata().dependencies()) {
      out.add(resolve(from, dependency));
    }
    return out;
  }

  /** Whether every dependency of {@code task} exists and is done or cancelled. */
  public boolean dependenciesMet(Task task) {
    return dependenciesOf(task).stream().allMatch(ResolvedDependency::satisfied);
  }

  /** Tasks of this plan that depend on {@code task}, in document order. */
  public List<Task> dependentsOf(Task task) {
    List<Task> out = new ArrayList<>();
    for (Task candidate : plan.tasks()) {
      for (ResolvedDependency d : dependenciesOf(candidate)) {
        if (d.task() == task) {
          out.add(candidate);
          break;
        }
      }
    }
    return out;
  }

  /**
   * Every dependency cycle that goes through a task of this plan, each once, as the tasks in the
   * order the dependencies run (a task that depends on itself is a cycle of one). The cycle starts
   * at its first task of this plan in document order.
   */
  public List<List<Task>> cycles() {
    List<List<Task>> cycles = new ArrayList<>();
    Set<Set<Task>> seen = new HashSet<>();
    Map<Task, Boolean> finished = new IdentityHashMap<>();
    for (Task start : plan.tasks()) {
      if (!start.metadata().dependencies().isEmpty()) {
        walk(start, new ArrayList<>(), finished, cycles, seen);
      }
    }
    return cycles;
  }

  /** The plan a task of this graph belongs to. */
  public PlanDocument planOf(Task task) {
    return owner.getOrDefault(task, plan);
  }

  /*
   * Depth-first search: `path` is the chain being explored; reaching a task already on it closes a
   * cycle. `finished` marks tasks whose every onward chain has been explored, so each task is
   * expanded once and the search is linear in the number of links.
   */
  private void walk(
      Task task,
      List<Task> path,
      Map<Task, Boolean> finished,
      List<List<Task>> cycles,
      Set<Set<Task>> seen) {
    if (finished.containsKey(task)) {
      return;
    }
    int at = indexOf(path, task);
    if (at >= 0) {
      List<Task> cycle = rotateToThisPlan(path.subList(at, path.size()));
      Set<Task> members = Collections.newSetFromMap(new IdentityHashMap<>());
      members.addAll(cycle);
      if (seen.stream().noneMatch(s -> s.size() == members.size() && s.containsAll(members))) {
        seen.add(members);
        cycles.add(cycle);
      }
      return;
    }
    path.add(task);
    for (ResolvedDependency d : dependenciesOf(task)) {
      if (d.task() != null) {
        walk(d.task(), path, finished, cycles, seen);
      }
    }
    path.remove(path.size() - 1);
    finished.put(task, true);
  }

  private List<Task> rotateToThisPlan(List<Task> cycle) {
    int first = 0;
    int bestLine = Integer.MAX_VALUE;
    for (int i = 0; i < cycle.size(); i++) {
      Task t = cycle.get(i);
      if (owner.get(t) == plan && t.line() < bestLine) {
        bestLine = t.line();
        first = i;
      }
    }
    List<Task> out = new ArrayList<>(cycle.subList(first, cycle.size()));
    out.addAll(cycle.subList(0, first));
    return List.copyOf(out);
  }

  private static int indexOf(List<Task> path, Task task) {
    for (int i = 0; i < path.size(); i++) {
      if (path.get(i) == task) {
        return i;
      }
    }
    return -1;
  }

  private ResolvedDependency resolve(PlanDocument from, Dependency dependency) {
    PlanDocument target = from;
    if (dependency.plan() != null) {
      if (from.path() == null) {
        return missing(dependency, null, "the plan is not a file, so other plans cannot be found");
      }
      Path folder = from.path().toAbsolutePath().getParent();
      Path file = folder.resolve(dependency.plan()).normalize();
      target = read(file);
      if (target == null) {
        return missing(dependency, null, unreadable.get(file));
      }
    }
    PlanDocument in = target;
    return target
        .taskWithId(dependency.taskId())
        .map(t -> new ResolvedDependency(dependency, in, t, null))
        .orElseGet(
            () ->
                missing(
                    dependency, in, "no task has id " + dependency.taskId() + " in " + in.name()));
  }

  private static ResolvedDependency missing(Dependency d, PlanDocument in, String why) {
    return new ResolvedDependency(d, in, null, why);
  }

  private boolean allowed(Path file) {
    try {
      return mayRead.test(file.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  private PlanDocument read(Path file) {
    PlanDocument known = plans.get(file);
    if (known != null || unreadable.containsKey(file)) {
      return known;
    }
    if (!Files.isRegularFile(file)) {
      unreadable.put(file, "no plan file " + file);
      return null;
    }
    if (!allowed(file)) {
      unreadable.put(file, "the plan " + file.getFileName() + " is outside the folders served");
      return null;
    }
    try {
      PlanDocument other = PlanDocument.parse(file);
      remember(other);
      return other;
    } catch (PlanFileException e) {
      unreadable.put(file, e.getMessage());
      return null;
    }
  }

  private void remember(PlanDocument document) {
    if (document.path() != null) {
      plans.put(document.path().toAbsolutePath().normalize(), document);
    }
    for (Task task : document.tasks()) {
      owner.put(task, document);
    }
  }
}
