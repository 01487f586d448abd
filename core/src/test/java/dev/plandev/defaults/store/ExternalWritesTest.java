package dev.plandev.defaults.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.cache.CachedDefaultsStore;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.BatchOperation;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.DefaultsStore;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.model.Prediction;
import dev.plandev.defaults.testing.Await;
import dev.plandev.defaults.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without Redis, a write by another process on the same SQLite file (here: another SmartDefaults,
 * which has its own connections just as another process would) reaches this one's L1 within {@link
 * CachedDefaultsStore#EXTERNAL_CHECK_MS}, not after the whole L1 lifetime; and only the keys it
 * wrote are dropped, so a busy writer does not empty the cache.
 */
class ExternalWritesTest {
  @TempDir Path dir;
  final TestClock clock = new TestClock();
  final Actor cliActor = Actor.of("cli");
  SmartDefaults server;
  SmartDefaults cli;

  @BeforeEach
  void open() {
    PlandevConfig config = PlandevConfig.defaults().withDataDir(dir.toString());
    server = SmartDefaults.open(config, clock);
    cli = SmartDefaults.open(config, clock);
  }

  @AfterEach
  void close() {
    server.close();
    cli.close();
  }

  String served(String key) {
    return server.resolve(key, Context.EMPTY).map(r -> r.entry().value()).orElse(null);
  }

  void nextCheck() {
    clock.advance(Duration.ofMillis(CachedDefaultsStore.EXTERNAL_CHECK_MS));
  }

  long hits() {
    return server.cacheStats().l1().hits();
  }

  @Test
  void writeByAnotherStoreOnTheSameFile_isServedAfterTheNextCheck() {
    cli.store().put(DefaultSpec.of("db.host", "old"), cliActor);
    assertThat(served("db.host")).isEqualTo("old");
    cli.store().put(DefaultSpec.of("db.host", "new"), cliActor);
    assertThat(served("db.host"))
        .as("within the check interval L1 may still answer")
        .isEqualTo("old");
    nextCheck();
    assertThat(served("db.host")).isEqualTo("new");
  }

  @Test
  void onlyTheWrittenKeysAreDropped_ownWritesIncluded() {
    cli.store().put(DefaultSpec.of("a", "1"), cliActor);
    cli.store().put(DefaultSpec.of("b", "1"), cliActor);
    assertThat(served("a")).isEqualTo("1");
    assertThat(served("b")).isEqualTo("1");
    cli.store().put(DefaultSpec.of("a", "2"), cliActor);
    server.store().put(DefaultSpec.of("c", "1"), cliActor);
    nextCheck();
    long before = hits();
    assertThat(served("a")).isEqualTo("2");
    assertThat(served("b")).isEqualTo("1");
    assertThat(hits() - before).as("b is still an L1 hit").isEqualTo(1);
  }

  @Test
  void updateThatMovesAnEntry_dropsItsOldKeyToo() {
    DefaultEntry e = cli.store().put(DefaultSpec.of("old.key", "v"), cliActor);
    assertThat(served("old.key")).isEqualTo("v");
    assertThat(served("new.key")).isNull();
    cli.store().update(e.id(), e.version(), DefaultSpec.of("new.key", "v"), cliActor);
    nextCheck();
    assertThat(served("old.key")).isNull();
    assertThat(served("new.key")).isEqualTo("v");
  }

  @Test
  void feedbackElsewhere_refreshesPredictions() {
    Context ada = Context.of("user", "ada");
    server.feedback(new Feedback("plan.author", ada, "Ada", Outcome.CHOSEN, null, "cli"));
    List<Prediction> first = server.predict("plan.author", ada, 3);
    for (int i = 0; i < 3; i++) {
      cli.feedback(new Feedback("plan.author", ada, "Grace", Outcome.CHOSEN, null, "cli"));
    }
    assertThat(server.predict("plan.author", ada, 3)).isEqualTo(first);
    nextCheck();
    // The first look after the check asks the engine to learn the new events, in the background;
    // once it has, the prediction cached from before is dropped and the next one says Grace.
    Await.until(
        "the server predicts what the other process's feedback taught",
        Await.GENEROUS,
        () -> server.predict("plan.author", ada, 3).get(0).value().equals("Grace"));
  }

  @Test
  void writesThatNameNoKey_orTooManyRows_dropEverything() {
    cli.store().put(DefaultSpec.of("s", "secret-1").withSecret(true), cliActor);
    cli.store().put(DefaultSpec.of("b", "1"), cliActor);
    assertThat(served("b")).isEqualTo("1");
    cli.store().rotateKey(cliActor);
    nextCheck();
    long before = hits();
    assertThat(served("b")).isEqualTo("1");
    assertThat(hits()).as("a key rotation names no key: everything was dropped").isEqualTo(before);

    List<BatchOperation> ops = new ArrayList<>();
    for (int i = 0; i <= WriteFeed.MAX_ROWS; i++) {
      ops.add(BatchOperation.upsert(DefaultSpec.of("bulk.k" + i, "v")));
      if (ops.size() == DefaultsStore.MAX_BATCH) {
        cli.store().batch(ops, true, cliActor);
        ops.clear();
      }
    }
    cli.store().batch(ops, true, cliActor);
    nextCheck();
    before = hits();
    assertThat(served("b")).isEqualTo("1");
    assertThat(hits()).as("too many rows to list: everything was dropped").isEqualTo(before);
    cli.store().put(DefaultSpec.of("bulk.k0", "w"), cliActor);
    nextCheck();
    assertThat(served("bulk.k0")).as("the feed goes on after the overflow").isEqualTo("w");
    before = hits();
    assertThat(served("b")).isEqualTo("1");
    assertThat(hits() - before).isEqualTo(1);
  }
}
