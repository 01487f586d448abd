package dev.plandev.defaults.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReliabilityMapTest {

  @Test
  void empty_answersItsPrior() {
    ReliabilityMap lower = new ReliabilityMap(ReliabilityMap.Prior.LOWER_BOUND, 20, 20_000);
    ReliabilityMap mid = new ReliabilityMap(ReliabilityMap.Prior.MIDPOINT, 5, 20_000);

    assertThat(lower.stepped(0.5)).isEqualTo(0.5);
    assertThat(lower.stepped(0.97)).isEqualTo(0.95);
    assertThat(mid.interpolated(0.5)).isCloseTo(0.5, within(1e-12));
    assertThat(mid.interpolated(0.97)).isCloseTo(0.97, within(1e-12));
  }

  /** Among the probabilities of one bin, the answer is how often they were chosen. */
  @Test
  void stepped_answersTheRateOfTheBin() {
    ReliabilityMap map = new ReliabilityMap(ReliabilityMap.Prior.LOWER_BOUND, 20, 1e12);
    for (int i = 0; i < 10_000; i++) {
      map.observe(0.93, i % 10 < 7);
    }

    assertThat(map.stepped(0.91)).isCloseTo(0.7, within(0.001));
    assertThat(map.stepped(0.949)).isEqualTo(map.stepped(0.91));
  }

  /** A bin whose candidates were chosen less often than the bin below pools with it. */
  @Test
  void observe_keepsTheRatesNonDecreasing() {
    ReliabilityMap map = new ReliabilityMap(ReliabilityMap.Prior.MIDPOINT, 5, 1e12);
    for (int i = 0; i < 1000; i++) {
      map.observe(0.62, i % 10 < 8);
      map.observe(0.82, i % 10 < 6);
    }

    assertThat(map.stepped(0.82)).isGreaterThanOrEqualTo(map.stepped(0.62));
    assertThat(map.stepped(0.62)).isCloseTo(0.7, within(0.01));
  }

  /** Old counts fade, so the map follows a model whose probabilities change meaning. */
  @Test
  void observe_fadesOldCounts() {
    ReliabilityMap fading = new ReliabilityMap(ReliabilityMap.Prior.LOWER_BOUND, 20, 1000);
    ReliabilityMap lasting = new ReliabilityMap(ReliabilityMap.Prior.LOWER_BOUND, 20, 1e12);
    for (int i = 0; i < 10_000; i++) {
      boolean hit = i < 5000 || i % 2 == 0;
      fading.observe(0.93, hit);
      lasting.observe(0.93, hit);
    }

    assertThat(lasting.stepped(0.93)).isCloseTo(0.75, within(0.01));
    assertThat(fading.stepped(0.93)).isCloseTo(0.5, within(0.05));
  }
}
