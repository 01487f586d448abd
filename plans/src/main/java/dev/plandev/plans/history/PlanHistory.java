package dev.plandev.plans.history;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.PlanFileException;
import dev.plandev.plans.dependency.DependencyGraph;
import dev.plandev.plans.effort.PlanEffort;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.FollowFilter;
import org.eclipse.jgit.revwalk.RenameCallback;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A plan's progress at each commit that changed it, oldest first, read from the git repository that
 * holds the file.
 *
 * <p>The walk starts at {@code HEAD} and follows the file across renames (git's rename detection,
 * as {@code git log --follow} does). Each version is parsed as a plan on its own: other plans are
 * not read at old commits, so a task waiting on another plan counts as it does in the version.
 * Uncommitted changes are not part of the history.
 */
public final class PlanHistory {
  private final Path file;
  private final List<HistoryPoint> points;

  private PlanHistory(Path file, List<HistoryPoint> points) {
    this.file = file;
    this.points = List.copyOf(points);
  }

  /**
   * Reads the history of the plan at {@code file}.
   *
   * @throws PlanHistoryException when the file is not in a git repository, or has no commit there
   */
  public static PlanHistory of(Path file) {
    Path real;
    try {
      real = file.toRealPath();
    } catch (IOException e) {
      throw new PlanHistoryException("no such plan file: " + file, e);
    }
    FileRepositoryBuilder builder =
        new FileRepositoryBuilder().findGitDir(real.getParent().toFile());
    if (builder.getGitDir() == null) {
      throw new PlanHistoryException(file + " is not in a git repository, so it has no history");
    }
    try (Repository repo = builder.setMustExist(true).build()) {
      if (repo.isBare() || repo.getWorkTree() == null) {
        throw new PlanHistoryException(file + " is not in a git work tree, so it has no history");
      }
      Path top = repo.getWorkTree().toPath().toRealPath();
      String path = top.relativize(real).toString().replace('\\', '/');
      List<HistoryPoint> points = walk(repo, path);
      if (points.isEmpty()) {
        throw new PlanHistoryException(
            file + " has no commit in the git repository at " + top + " (commit it first)");
      }
      return new PlanHistory(file, points);
    } catch (IOException e) {
      throw new PlanHistoryException(
          "could not read the git history of " + file + ": " + e.getMessage(), e);
    }
  }

  /** The plan file asked about. */
  public Path file() {
    return file;
  }

  /** One point per commit that changed the plan, oldest first. */
  public List<HistoryPoint> points() {
    return points;
  }

  /*
   * Walks back from HEAD with a FollowFilter: it keeps the commits that changed the path and, when
   * a commit created the file by renaming another, reports the rename and goes on with the old path.
   * The walk may look at a commit before handing out the one before it, so the rename can be
   * reported before the renaming commit (which holds the new path) is read: each commit is read at
   * the latest path known, and failing that at the newer ones.
   */
  private static List<HistoryPoint> walk(Repository repo, String path) throws IOException {
    ObjectId head = repo.resolve(Constants.HEAD);
    if (head == null) {
      return List.of();
    }
    List<HistoryPoint> points = new ArrayList<>();
    List<String> paths = new ArrayList<>(List.of(path));
    FollowFilter follow = FollowFilter.create(path, repo.getConfig().get(DiffConfig.KEY));
    follow.setRenameCallback(
        new RenameCallback() {
          @Override
          public void renamed(DiffEntry entry) {
            paths.add(entry.getOldPath());
          }
        });
    try (RevWalk walk = new RevWalk(repo)) {
      walk.setTreeFilter(follow);
      walk.markStart(walk.parseCommit(head));
      for (RevCommit commit : walk) {
        for (int i = paths.size() - 1; i >= 0; i--) {
          HistoryPoint point = read(repo, commit, paths.get(i));
          if (point != null) {
            points.add(point);
            break;
          }
        }
      }
    }
    Collections.reverse(points);
    return points;
  }

  private static HistoryPoint read(Repository repo, RevCommit commit, String path)
      throws IOException {
    try (TreeWalk tree = TreeWalk.forPath(repo, path, commit.getTree())) {
      if (tree == null) {
        return null; // the commit deleted the file
      }
      byte[] bytes = repo.open(tree.getObjectId(0), Constants.OBJ_BLOB).getBytes();
      PlanDocument plan;
      try {
        plan = PlanDocument.parse(Path.of(path), bytes);
      } catch (PlanFileException e) {
        return null; // a binary version: not a plan at that commit
      }
      PlanEffort effort = PlanEffort.of(DependencyGraph.confined(plan, p -> false));
      return new HistoryPoint(
          Instant.ofEpochSecond(commit.getCommitTime()),
          commit.abbreviate(7).name(),
          path,
          plan.progress(),
          effort.total().remaining());
    }
  }
}
