package dev.plandev.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFileLockTest {
  @TempDir Path dir;

  @Test
  void aLinkPlacedAtTheLockFile_isNotFollowed() throws IOException {
    Path plan = Files.writeString(dir.resolve("plan.md"), "- [ ] a\n").toRealPath();
    Path victim = Files.writeString(dir.resolve("victim.txt"), "untouched");
    Path lockFile = PlanFileLock.lockFileOf(plan);
    Files.deleteIfExists(lockFile);
    Files.createSymbolicLink(lockFile, victim);
    try {
      assertThatThrownBy(() -> PlanFileLock.acquire(plan)).isInstanceOf(IOException.class);
      assertThat(Files.readString(victim)).isEqualTo("untouched");
    } finally {
      Files.delete(lockFile);
    }
    try (PlanFileLock lock = PlanFileLock.acquire(plan)) {
      assertThat(Files.isSymbolicLink(lockFile)).isFalse();
    }
  }
}
