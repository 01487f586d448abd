package dev.plandev.plans.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** A real git repository made by a test, whose commits carry the dates the test chooses. */
public final class GitPlanRepo implements AutoCloseable {
  private final Git git;
  private final Path top;

  private GitPlanRepo(Git git, Path top) {
    this.git = git;
    this.top = top;
  }

  private static final Instant DAY_1 = Instant.parse("2026-03-02T09:00:00Z");

  /** 09:00 UTC on day {@code n}, day 1 being 2026-03-02. */
  public static Instant day(int n) {
    return DAY_1.plusSeconds((n - 1) * 86_400L);
  }

  /** A plan of four tasks of 2h each, the first {@code done} checked. */
  public static String fourTasks(int done) {
    StringBuilder md = new StringBuilder("# P\n\n## 1 Work\n\n");
    for (int i = 1; i <= 4; i++) {
      md.append("- [").append(i <= done ? 'x' : ' ').append("] **1.").append(i);
      md.append("** t #time:2h\n");
    }
    return md.toString();
  }

  /** A new repository in {@code dir}. */
  public static GitPlanRepo init(Path dir) throws GitAPIException {
    return new GitPlanRepo(
        Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
  }

  /** Writes {@code text} to {@code path} (relative) and commits it at {@code when}. */
  public void commit(String path, String text, Instant when) throws IOException, GitAPIException {
    Path file = top.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    git.add().addFilepattern(path).call();
    commit("update " + path, when);
  }

  /** Renames {@code from} to {@code to} and commits at {@code when}. */
  public void rename(String from, String to, Instant when) throws IOException, GitAPIException {
    Files.move(top.resolve(from), top.resolve(to));
    git.add().addFilepattern(to).call();
    git.rm().addFilepattern(from).call();
    commit("rename " + from, when);
  }

  private void commit(String message, Instant when) throws GitAPIException {
    PersonIdent who =
        new PersonIdent(
            "Ada", "ada@example.org", java.util.Date.from(when), TimeZone.getTimeZone("UTC"));
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
  }

  @Override
  public void close() {
    git.close();
  }
}
