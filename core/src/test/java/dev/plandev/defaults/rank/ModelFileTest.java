package dev.plandev.defaults.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.model.PlandevException;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModelFileTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void saveThenOpen_givesIdenticalRankings() {
    RankerConfig config = RankerConfig.builder().modelPath(dir.resolve("model")).build();
    Ranker ranker = Ranker.create(config, CLOCK);
    List<ReplayEvent> events = syntheticEvents();
    for (ReplayEvent e : events) {
      ranker.learn(e.key(), e.context(), e.value(), true, e.ts());
    }
    ranker.learn("scope", Map.of("dir", "src"), "core", false, T0.plusSeconds(99_999));
    ranker.save();

    Ranker reloaded = Ranker.open(config, CLOCK);
    Instant later = T0.plusSeconds(100_000);
    for (ReplayEvent e : events.subList(0, 40)) {
      assertThat(reloaded.rank(e.key(), e.context(), 10, later))
          .isEqualTo(ranker.rank(e.key(), e.context(), 10, later));
    }
    ReplayEvent next = new ReplayEvent(later, "scope", Map.of("dir", "docs"), "docs");
    ranker.learn(next.key(), next.context(), next.value(), true, later);
    reloaded.learn(next.key(), next.context(), next.value(), true, later);
    assertThat(reloaded.rank("scope", Map.of("dir", "docs"), 10, later))
        .isEqualTo(ranker.rank("scope", Map.of("dir", "docs"), 10, later));
  }

  /**
   * The most used value survives saving, again and again: it was read back one candidate off, and a
   * key whose values were only turned down (no most used value) made a file the next start refused,
   * so the engine threw its learning away.
   */
  @Test
  void saveThenOpen_keepsTheMostUsedValue_overManyRestarts() {
    RankerConfig config = RankerConfig.builder().modelPath(dir.resolve("model")).build();
    Ranker ranker = Ranker.create(config, CLOCK);
    ranker.learn("phases", Map.of(), "3", false, T0);
    ranker.learn("author", Map.of(), "Ada", true, T0);
    ranker.learn("author", Map.of(), "Grace", true, T0.plusSeconds(1));
    ranker.learn("author", Map.of(), "Grace", true, T0.plusSeconds(2));
    for (int restart = 0; restart < 3; restart++) {
      ranker.save();
      ranker = Ranker.open(config, CLOCK);
      assertThat(ranker.mostUsed("author", Map.of("dir", "elsewhere"))).contains("Grace");
      assertThat(ranker.mostUsed("phases", Map.of())).isEmpty();
    }
  }

  /**
   * A file saved before evidence strata keeps its calibration for keys with long histories: the
   * same values in the same order, each confidence within 0.02 of the engine that saved it.
   */
  @Test
  void open_aFileWithOneCalibrationMap_keepsItForLongHistories() throws IOException {
    RankerConfig config = RankerConfig.builder().modelPath(dir.resolve("model")).build();
    Ranker ranker = savedThenRewritten(config, DamagedModelFiles::withSingleCalibrationMap);

    Ranker reloaded = Ranker.open(config, CLOCK);

    ReplayEvent last = syntheticEvents().get(syntheticEvents().size() - 1);
    assertThat(ranker.keys.get(last.key()).stats.events).isGreaterThanOrEqualTo(8);
    assertSameRanking(reloaded, ranker, last);
  }

  /**
   * A file saved before the pooled calibration map (sessions 5 and 6) opens with the pooled map
   * rebuilt from the evidence maps' counts: the same values in the same order, each confidence
   * within 0.02 of the engine that saved it; saved again, it is read back identical.
   */
  @Test
  void open_aFileWithoutThePooledMap_rebuildsItFromTheEvidenceMaps() throws IOException {
    RankerConfig config = RankerConfig.builder().modelPath(dir.resolve("model")).build();
    Ranker ranker = savedThenRewritten(config, DamagedModelFiles::withoutPooledCalibrationMap);

    Ranker reloaded = Ranker.open(config, CLOCK);

    List<ReplayEvent> events = syntheticEvents();
    for (ReplayEvent e : events.subList(events.size() - 40, events.size())) {
      assertSameRanking(reloaded, ranker, e);
    }
    reloaded.save();
    Ranker again = Ranker.open(config, CLOCK);
    ReplayEvent last = events.get(events.size() - 1);
    Instant later = T0.plusSeconds(100_000);
    assertThat(again.rank(last.key(), last.context(), 10, later))
        .isEqualTo(reloaded.rank(last.key(), last.context(), 10, later));
  }

  /** A rewrite of a saved model file into an older layout. */
  private interface Rewrite {
    void apply(Path file) throws IOException;
  }

  /** An engine that learned the synthetic events and saved them, its file then rewritten. */
  private static Ranker savedThenRewritten(RankerConfig config, Rewrite rewrite)
      throws IOException {
    Ranker ranker = Ranker.create(config, CLOCK);
    for (ReplayEvent e : syntheticEvents()) {
      ranker.learn(e.key(), e.context(), e.value(), true, e.ts());
    }
    ranker.save();
    rewrite.apply(config.modelPath().resolve(Ranker.MODEL_FILE));
    return ranker;
  }

  private static void assertSameRanking(Ranker reloaded, Ranker saved, ReplayEvent e) {
    Instant later = T0.plusSeconds(100_000);
    List<RankedValue> expected = saved.rank(e.key(), e.context(), 10, later);
    List<RankedValue> actual = reloaded.rank(e.key(), e.context(), 10, later);
    assertThat(actual)
        .extracting(RankedValue::value)
        .isEqualTo(expected.stream().map(RankedValue::value).toList());
    for (int i = 0; i < actual.size(); i++) {
      assertThat(actual.get(i).confidence())
          .as("confidence of %s", actual.get(i).value())
          .isCloseTo(expected.get(i).confidence(), org.assertj.core.data.Offset.offset(0.02));
    }
  }

  @Test
  void open_withoutAFile_startsEmpty() {
    Ranker ranker = Ranker.open(RankerConfig.builder().modelPath(dir).build(), CLOCK);
    assertThat(ranker.rank("any", Map.of(), 3, T0)).isEmpty();
  }

  @Test
  void open_anotherFormatVersion_isRefusedNamingBoth() throws IOException {
    try (DataOutputStream out =
        new DataOutputStream(
            new GZIPOutputStream(Files.newOutputStream(dir.resolve(Ranker.MODEL_FILE))))) {
      out.writeInt(ModelFile.MAGIC);
      out.writeInt(99);
    }
    assertThatThrownBy(() -> Ranker.open(RankerConfig.builder().modelPath(dir).build(), CLOCK))
        .isInstanceOf(RankingException.class)
        .hasMessageContaining("format version 99")
        .hasMessageContaining("reads version " + ModelFile.VERSION);
  }

  @ParameterizedTest
  @EnumSource(DamagedModelFiles.Damage.class)
  void open_aDamagedFile_isRefusedSayingWhereNeverCrashing(DamagedModelFiles.Damage damage)
      throws IOException {
    RankerConfig config = RankerConfig.builder().modelPath(dir).build();
    Ranker ranker = Ranker.create(config, CLOCK);
    for (ReplayEvent e : syntheticEvents()) {
      if (e.key().equals("scope")) {
        ranker.learn(e.key(), e.context(), e.value(), true, e.ts());
      }
    }
    ranker.save();
    Path file = dir.resolve(Ranker.MODEL_FILE);
    DamagedModelFiles.damage(file, damage);

    assertThatThrownBy(() -> Ranker.open(config, CLOCK))
        .isExactlyInstanceOf(RankingException.class)
        .hasMessageContaining("model file " + file + " is corrupt at byte ");
  }

  @Test
  void open_aNegativeCandidateCount_namesTheKeyAndTheBounds() throws IOException {
    RankerConfig config = RankerConfig.builder().modelPath(dir).build();
    Ranker ranker = Ranker.create(config, CLOCK);
    ranker.learn("scope", Map.of("dir", "src"), "core", true, T0);
    ranker.save();
    DamagedModelFiles.damage(
        dir.resolve(Ranker.MODEL_FILE), DamagedModelFiles.Damage.NEGATIVE_CANDIDATE_COUNT);

    assertThatThrownBy(() -> Ranker.open(config, CLOCK))
        .hasMessageEndingWith(
            "in key 'scope': the number of candidates is -1, outside 0.."
                + config.maxCandidatesPerKey());
  }

  @Test
  void engineFailures_belongToTheModulesExceptions() {
    // Each adapter maps PlandevException in one place; a RankingException outside it would reach
    // people as "unexpected error" with a class name.
    assertThatThrownBy(() -> Ranker.create(RankerConfig.defaults(), CLOCK).save())
        .isInstanceOf(PlandevException.class);
  }

  @Test
  void save_withoutAModelPath_fails() {
    assertThatThrownBy(() -> Ranker.create(RankerConfig.defaults(), CLOCK).save())
        .isInstanceOf(RankingException.class)
        .hasMessageContaining("no modelPath");
  }

  private static List<ReplayEvent> syntheticEvents() {
    String[] dirs = {"src", "docs", "test", "build"};
    String[] values = {"core", "docs", "tests", "ci", "misc"};
    java.util.Random random = new java.util.Random(3);
    List<ReplayEvent> events = new java.util.ArrayList<>();
    for (int i = 0; i < 400; i++) {
      int d = random.nextInt(dirs.length);
      String value = random.nextInt(4) == 0 ? values[random.nextInt(5)] : values[d];
      events.add(
          new ReplayEvent(
              T0.plusSeconds(i * 60L),
              i % 5 == 0 ? "other.key" : "scope",
              Map.of("dir", dirs[d], "author", "a" + random.nextInt(3)),
              value));
    }
    return events;
  }
}
