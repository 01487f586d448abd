package dev.plandev.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFileLockTest {
  @TempDir Path dir;

  @Test
  void aLinkPlacedAtTheLockFile_isNotFollowed() throws IOException {
    Path plan = Files.writeString(dir.resolve("plan.md"), "- [ ] a\n").toRealPath();
    Path victim = Files.writeString(dir.resolve("victim.txt"), "untouched");
    LockFolder folder = new LockFolder(dir.resolve("locks"));
    Path lockFile = folder.lockFileOf(plan);
    Files.createSymbolicLink(lockFile, victim);
    try {
      assertThatThrownBy(() -> PlanFileLock.acquire(folder, plan)).isInstanceOf(IOException.class);
      assertThat(Files.readString(victim)).isEqualTo("untouched");
    } finally {
      Files.delete(lockFile);
    }
    try (PlanFileLock lock = PlanFileLock.acquire(folder, plan)) {
      assertThat(Files.isSymbolicLink(lockFile)).isFalse();
    }
  }

  @Test
  void lockFolder_isSharedAndSticky_andLockFilesAreOpenToEveryone_whateverTheUmask()
      throws IOException {
    Path plan = Files.writeString(dir.resolve("plan.md"), "- [ ] a\n").toRealPath();
    LockFolder folder = new LockFolder(dir.resolve("locks"));

    try (PlanFileLock lock = PlanFileLock.acquire(folder, plan)) {
      assertThat(Integer.toOctalString(LockFolder.mode(folder.path()))).isEqualTo("1777");
      assertThat(Integer.toOctalString(LockFolder.mode(folder.lockFileOf(plan)))).isEqualTo("666");
    }
  }

  @Test
  void aFolderLeftWithTheUmaskMode_byAnEarlierVersion_isMadeShared() throws IOException {
    Path plan = Files.writeString(dir.resolve("plan.md"), "- [ ] a\n").toRealPath();
    Path locks = Files.createDirectory(dir.resolve("locks"));
    Files.setAttribute(locks, "unix:mode", 0755);
    LockFolder folder = new LockFolder(locks);
    Path lockFile = Files.createFile(locks.resolve(folder.lockFileOf(plan).getFileName()));
    Files.setAttribute(lockFile, "unix:mode", 0644);
    Files.setAttribute(locks, "unix:mode", 0755);

    try (PlanFileLock lock = PlanFileLock.acquire(folder, plan)) {
      assertThat(Integer.toOctalString(LockFolder.mode(locks))).isEqualTo("1777");
      assertThat(Integer.toOctalString(LockFolder.mode(lockFile))).isEqualTo("666");
    }
  }

  @Test
  void aLinkPlacedAtTheLockFolder_isRefused_withWhatToDo() throws IOException {
    Path plan = Files.writeString(dir.resolve("plan.md"), "- [ ] a\n").toRealPath();
    Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
    Path locks = Files.createSymbolicLink(dir.resolve("locks"), elsewhere);

    assertThatThrownBy(() -> PlanFileLock.acquire(new LockFolder(locks), plan))
        .isInstanceOf(PlanFileException.class)
        .hasMessageContaining("lock folder " + locks)
        .hasMessageContaining("not a folder but a link")
        .hasMessageContaining("remove it");
    try (var left = Files.list(elsewhere)) {
      assertThat(left).isEmpty();
    }
    assertThat(Files.isSymbolicLink(locks)).isTrue();
    assertThat(Files.exists(locks, LinkOption.NOFOLLOW_LINKS)).isTrue();
  }
}
