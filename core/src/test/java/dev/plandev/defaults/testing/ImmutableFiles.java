package dev.plandev.defaults.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes files unwritable for real, even to root: {@code chattr +i} sets the immutable flag, which
 * the kernel enforces on every write, also through descriptors opened before (SQLite then reports
 * an I/O error on its open connections and a read-only database on new ones). {@code chmod} would
 * not do: root ignores it, and it does not affect open descriptors. Tests that need it are skipped
 * where {@code chattr} cannot set the flag (no CAP_LINUX_IMMUTABLE, or a filesystem without it).
 */
public final class ImmutableFiles implements AutoCloseable {
  private final List<Path> made = new ArrayList<>();

  /** Makes {@code file} immutable, or skips the test when this machine cannot. */
  public void make(Path file) throws Exception {
    assumeTrue(chattr("+i", file), "chattr +i is not available here (needs CAP_LINUX_IMMUTABLE)");
    made.add(file);
  }

  /** Makes every file made immutable writable again. */
  public void undo() throws Exception {
    for (Path p : made) {
      chattr("-i", p);
    }
    made.clear();
  }

  @Override
  public void close() throws Exception {
    undo();
  }

  private static boolean chattr(String flag, Path file) throws IOException, InterruptedException {
    try {
      Process p =
          new ProcessBuilder("chattr", flag, file.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false; // no chattr on this machine
    }
  }
}
