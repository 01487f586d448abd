package dev.plandev.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages of failed file operations name the file and what to do, never a Java class name. The
 * tests run as root, for whom permissions cannot fail and whose disk cannot be filled on demand, so
 * those failures are the JDK's own exceptions built by hand; the others are real.
 */
class PlanFileExceptionTest {
  private static final Path PLAN = Path.of("/plans/plan.md");

  @TempDir Path dir;

  private static String message(IOException cause) {
    return PlanFileException.io("writing", PLAN, cause).getMessage();
  }

  @Test
  void accessDenied_saysPermissionDenied_onWhichFile_andWhatToDo() {
    assertThat(message(new AccessDeniedException("/plans/.plan.md123.tmp")))
        .isEqualTo(
            "writing /plans/plan.md failed: permission denied on /plans/.plan.md123.tmp; give"
                + " your user access to it (ls -l shows its owner and mode)");
  }

  @Test
  void readOnlyFileSystem_isSaidSo() {
    assertThat(message(new FileSystemException("/plans/plan.md", null, "Read-only file system")))
        .contains("/plans/plan.md is mounted read-only", "work on a copy elsewhere")
        .doesNotContain("Exception");
  }

  @Test
  void fullDisk_isSaidSo() {
    assertThat(message(new FileSystemException("/plans/x.tmp", null, "No space left on device")))
        .contains("the disk holding /plans/x.tmp is full; free some space")
        .doesNotContain("Exception");
  }

  @Test
  void theOtherCommonFailures_nameTheFile_inPlainWords() {
    assertThat(message(new NoSuchFileException("/plans")))
        .contains("/plans does not exist; check the path");
    assertThat(message(new FileAlreadyExistsException("/plans/x.md")))
        .contains("/plans/x.md already exists; move it away");
    assertThat(message(new NotDirectoryException("/plans/x.md")))
        .contains("/plans/x.md is not a folder");
    assertThat(message(new DirectoryNotEmptyException("/plans/d")))
        .contains("/plans/d is a folder that is not empty");
    assertThat(message(new IOException()))
        .isEqualTo(
            "writing /plans/plan.md failed: the system reported \"an input/output error\" for"
                + " /plans/plan.md; run the command again");
  }

  @Test
  void realFailure_aFolderInPlaceOfTheFile_isSaidInWords() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("plan.md"));
    IOException real = null;
    try {
      Files.readAllBytes(folder);
    } catch (IOException e) {
      real = e;
    }

    assertThat(PlanFileException.io("reading", folder, real).getMessage())
        .isEqualTo(
            "reading " + folder + " failed: " + folder + " is a folder, not a file; name a file");
  }

  @Test
  void realFailure_aFileInPlaceOfAFolder_isSaidInWords() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.md"), "x");
    IOException real = null;
    try {
      Files.writeString(file.resolve("report.html"), "x");
    } catch (IOException e) {
      real = e;
    }

    assertThat(PlanFileException.io("writing the report", file.resolve("report.html"), real))
        .hasMessageContaining("is not a folder")
        .hasMessageNotContaining("Exception");
  }
}
