package dev.plandev.defaults.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The used share of a disk as {@code df} shows it, which the 80 %/90 % warnings compare. */
class DiskSpaceTest {
  private static final long G = 1L << 30;

  @TempDir Path dir;

  @Test
  void usedRatio_countsWhatFilesTake_notWhatTheSystemKeepsBack() {
    // This machine's disk as df shows it: 252G, 24G used, 78G available (150G kept back).
    assertThat(new DiskSpace(78 * G, 252 * G, 228 * G).usedRatio()).isCloseTo(0.235, within(0.001));
    assertThat(new DiskSpace(0, 100 * G, 5 * G).usedRatio()).isEqualTo(1.0);
    assertThat(new DiskSpace(100 * G, 100 * G, 100 * G).usedRatio()).isZero();
  }

  @Test
  void of_aMissingFolder_measuresItsNearestParent() throws Exception {
    DiskSpace s = DiskSpace.of(dir.resolve("not/yet/there"));
    assertThat(s.total()).isPositive();
    assertThat(s.usedRatio()).isBetween(0.0, 1.0);
  }
}
