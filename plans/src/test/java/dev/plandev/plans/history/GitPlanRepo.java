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
