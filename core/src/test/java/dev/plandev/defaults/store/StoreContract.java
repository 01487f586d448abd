package dev.plandev.defaults.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.exchange.DefaultsExchange;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.BatchOperation;
import dev.plandev.defaults.model.BatchResult;
import dev.plandev.defaults.model.Change;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.DefaultsStore;
import dev.plandev.defaults.model.DuplicateEntryException;
import dev.plandev.defaults.model.EntryNotFoundException;
import dev.plandev.defaults.model.ExportedDefault;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.ImportReport;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.ListQuery;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.model.Page;
import dev.plandev.defaults.model.Prediction;
import dev.plandev.defaults.model.Resolution;
import dev.plandev.defaults.model.StaleVersionException;
import dev.plandev.defaults.model.StoreStats;
import dev.plandev.defaults.model.UsageEvent;
import dev.plandev.defaults.model.ValueType;
import dev.plandev.defaults.security.ApiKey;
import dev.plandev.defaults.security.Role;
import dev.plandev.defaults.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every store must do, run against SQLite and PostgreSQL by the subclasses. */
abstract class StoreContract {
  @TempDir Path dir;
  final TestClock clock = new TestClock();
  final Actor alice = Actor.of("alice");
  SmartDefaults defaults;
  DefaultsStore store;

  abstract PlandevConfig config(Path dataDir);

  @BeforeEach
  void open() {
    defaults = SmartDefaults.open(config(dir), clock);
    store = defaults.store();
  }

  @AfterEach
  void close() {
    if (defaults != null) {
      defaults.close();
    }
  }

  @Test
  void create_thenFind_returnsEveryField() {
    DefaultEntry e =
        store.create(
            DefaultSpec.of("plan.phases", "5")
                .withType(ValueType.INTEGER)
                .withContext(Context.of("project", "x"))
                .withConfidence(0.7),
            alice);
    assertThat(e.id()).isPositive();
    assertThat(e.version()).isEqualTo(1);
    assertThat(e.createdAt()).isEqualTo(clock.instant());
    DefaultEntry read = store.find(e.id()).orElseThrow();
    assertThat(read).isEqualTo(e);
    assertThat(store.find("plan.phases", Context.of("project", "x"))).contains(e);
  }

  @Test
  void create_duplicateKeyAndContext_isRefusedWithTheExistingId() {
    DefaultEntry e = store.create(DefaultSpec.of("a.b", "1"), alice);
    assertThatThrownBy(() -> store.create(DefaultSpec.of("a.b", "2"), alice))
        .isInstanceOf(DuplicateEntryException.class)
        .hasMessageContaining("id " + e.id());
  }

  @Test
  void update_staleVersion_isRefused() {
    DefaultEntry e = store.create(DefaultSpec.of("k", "1"), alice);
    DefaultEntry v2 = store.update(e.id(), 1, DefaultSpec.of("k", "2"), alice);
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.value()).isEqualTo("2");
    assertThatThrownBy(() -> store.update(e.id(), 1, DefaultSpec.of("k", "3"), alice))
        .isInstanceOf(StaleVersionException.class)
        .hasMessageContaining("version 2")
        .hasMessageContaining("based on version 1");
    assertThat(store.find(e.id()).orElseThrow().value()).isEqualTo("2");
  }

  @Test
  void delete_removesAndAudits() {
    DefaultEntry e = store.create(DefaultSpec.of("k", "1"), alice);
    assertThatThrownBy(() -> store.delete(e.id(), 7L, alice))
        .isInstanceOf(StaleVersionException.class);
    store.delete(e.id(), 1L, alice);
    assertThat(store.find(e.id())).isEmpty();
    assertThatThrownBy(() -> store.delete(e.id(), null, alice))
        .isInstanceOf(EntryNotFoundException.class);
    List<Change> trail = store.changes("k", 1, 10).items();
    assertThat(trail).extracting(Change::operation).containsExactly("delete", "create");
    assertThat(trail).allSatisfy(c -> assertThat(c.actor()).isEqualTo("alice"));
    assertThat(trail.get(0).oldValue()).contains("\"value\":\"1\"");
    assertThat(trail.get(0).newValue()).isNull();
    assertThat(trail.get(0).correlationId()).isEqualTo(alice.correlationId());
  }

  @Test
  void resolve_mostSpecificMatchingContextWins() {
    store.put(DefaultSpec.of("db.host", "global"), alice);
    store.put(DefaultSpec.of("db.host", "proj").withContext(Context.of("project", "x")), alice);
    store.put(
        DefaultSpec.of("db.host", "proj-prod")
            .withContext(Context.of("project", "x", "env", "prod")),
        alice);
    store.put(DefaultSpec.of("db.host", "other").withContext(Context.of("project", "y")), alice);

    assertThat(resolved("db.host", Context.EMPTY)).isEqualTo("global");
    assertThat(resolved("db.host", Context.of("project", "x"))).isEqualTo("proj");
    assertThat(resolved("db.host", Context.of("project", "x", "env", "prod", "user", "u")))
        .isEqualTo("proj-prod");
    assertThat(resolved("db.host", Context.of("project", "x", "env", "dev"))).isEqualTo("proj");
    assertThat(resolved("db.host", Context.of("env", "prod"))).isEqualTo("global");
    Resolution r =
        store.resolve("db.host", Context.of("project", "x", "env", "prod")).orElseThrow();
    assertThat(r.matchedFields()).isEqualTo(2);
    assertThat(r.candidates()).isEqualTo(3);
    assertThat(store.resolve("nothing.here", Context.EMPTY)).isEmpty();
  }

  @Test
  void resolve_sameSpecificity_higherConfidenceWins() {
    store.put(
        DefaultSpec.of("k", "low").withContext(Context.of("a", "1")).withConfidence(0.3), alice);
    store.put(
        DefaultSpec.of("k", "high").withContext(Context.of("b", "2")).withConfidence(0.9), alice);
    assertThat(resolved("k", Context.of("a", "1", "b", "2"))).isEqualTo("high");
  }

  @Test
  void resolve_expiredAndDeprecatedEntriesNeverWin() {
    store.put(DefaultSpec.of("k", "global"), alice);
    store.put(
        DefaultSpec.of("k", "soon-gone")
            .withContext(Context.of("p", "x"))
            .withExpiresAt(clock.instant().plus(Duration.ofHours(1))),
        alice);
    store.put(
        DefaultSpec.of("k", "old").withContext(Context.of("p", "x", "e", "1")).withDeprecated(true),
        alice);
    assertThat(resolved("k", Context.of("p", "x", "e", "1"))).isEqualTo("soon-gone");
    clock.advance(Duration.ofHours(1));
    assertThat(resolved("k", Context.of("p", "x", "e", "1"))).isEqualTo("global");
  }

  @Test
  void list_pagesSortsAndFilters() {
    for (int i = 0; i < 25; i++) {
      store.put(
          DefaultSpec.of("svc." + (char) ('a' + i % 5) + ".n" + i, "v" + i)
              .withContext(Context.of("env", i % 2 == 0 ? "prod" : "dev"))
              .withConfidence(i / 100.0),
          alice);
    }
    store.put(DefaultSpec.of("other.key", "x").withDeprecated(true), alice);
    store.put(
        DefaultSpec.of("gone.key", "x").withExpiresAt(clock.instant().minusSeconds(1)), alice);

    Page<DefaultEntry> p1 = store.list(ListQuery.all().withPage(1, 10));
    assertThat(p1.total()).isEqualTo(27);
    assertThat(p1.items()).hasSize(10);
    assertThat(p1.hasNext()).isTrue();
    Page<DefaultEntry> p3 = store.list(ListQuery.all().withPage(3, 10));
    assertThat(p3.items()).hasSize(7);
    assertThat(p3.hasNext()).isFalse();

    List<String> keys = new ArrayList<>();
    p1.items().forEach(e -> keys.add(e.key()));
    assertThat(keys).isSorted();

    Page<DefaultEntry> byConfidence =
        store.list(ListQuery.all().withSort("confidence:desc").withKeyPrefix("svc."));
    assertThat(byConfidence.total()).isEqualTo(25);
    assertThat(byConfidence.items().get(0).value()).isEqualTo("v24");

    assertThat(store.list(ListQuery.all().withKeyPrefix("svc.a")).total()).isEqualTo(5);
    assertThat(store.list(ListQuery.all().withKeyPrefix("SVC.")).total()).isZero();
    assertThat(store.list(ListQuery.all().withContextField("env", "prod")).total()).isEqualTo(13);
    assertThat(store.list(ListQuery.all().withContextField("env", "pro")).total()).isZero();
    assertThat(store.list(ListQuery.all().withDeprecated(true)).items())
        .extracting(DefaultEntry::key)
        .containsExactly("other.key");
    assertThat(store.list(ListQuery.all().withExpired(true)).items())
        .extracting(DefaultEntry::key)
        .containsExactly("gone.key");
    assertThat(store.list(ListQuery.all().withExpired(false)).total()).isEqualTo(26);
    assertThatThrownBy(() -> ListQuery.all().withSort("nope:asc"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cannot sort by 'nope'");
  }

  @Test
  void batch_nonAtomic_appliesGoodItemsAndReportsBadOnes() {
    store.put(DefaultSpec.of("b.existing", "old"), alice);
    BatchResult r =
        store.batch(
            List.of(
                BatchOperation.upsert(DefaultSpec.of("b.one", "1")),
                BatchOperation.upsert(DefaultSpec.of("bad key!", "x")),
                BatchOperation.upsert(DefaultSpec.of("b.existing", "new")),
                BatchOperation.delete("b.missing", Context.EMPTY),
                BatchOperation.upsert(DefaultSpec.of("b.two", "x").withType(ValueType.INTEGER))),
            false,
            alice);
    assertThat(r.applied()).isTrue();
    assertThat(r.items())
        .extracting(BatchResult.Item::status)
        .containsExactly(
            BatchResult.Status.CREATED,
            BatchResult.Status.FAILED,
            BatchResult.Status.UPDATED,
            BatchResult.Status.FAILED,
            BatchResult.Status.FAILED);
    assertThat(r.items().get(1).error()).contains("key").contains("bad key!");
    assertThat(r.items().get(4).error()).contains("whole number");
    assertThat(store.find("b.one", Context.EMPTY)).isPresent();
    assertThat(store.find("b.existing", Context.EMPTY).orElseThrow().value()).isEqualTo("new");
  }

  @Test
  void batch_sameSlotSeveralTimes_keepsItemOrder() {
    BatchResult r =
        store.batch(
            List.of(
                BatchOperation.upsert(DefaultSpec.of("o.a", "1")),
                BatchOperation.upsert(DefaultSpec.of("o.a", "2")),
                BatchOperation.delete("o.a", Context.EMPTY),
                BatchOperation.upsert(DefaultSpec.of("o.a", "3")),
                BatchOperation.upsert(DefaultSpec.of("o.b", "1")),
                BatchOperation.delete("o.b", Context.EMPTY)),
            true,
            alice);
    assertThat(r.items())
        .extracting(BatchResult.Item::status)
        .containsExactly(
            BatchResult.Status.CREATED,
            BatchResult.Status.UPDATED,
            BatchResult.Status.DELETED,
            BatchResult.Status.CREATED,
            BatchResult.Status.CREATED,
            BatchResult.Status.DELETED);
    DefaultEntry a = store.find("o.a", Context.EMPTY).orElseThrow();
    assertThat(a.value()).isEqualTo("3");
    assertThat(a.id()).isEqualTo(r.items().get(3).id());
    assertThat(store.find("o.b", Context.EMPTY)).isEmpty();
    DefaultEntry later = store.create(DefaultSpec.of("o.c", "x"), alice);
    assertThat(later.id()).isGreaterThan(r.items().get(4).id());
    assertThat(store.changes(null, 1, 100).total()).isEqualTo(7);
  }

  @Test
  void batch_atomic_oneFailureAppliesNothing() {
    BatchResult r =
        store.batch(
            List.of(
                BatchOperation.upsert(DefaultSpec.of("c.one", "1")),
                BatchOperation.delete("c.missing", Context.EMPTY)),
            true,
            alice);
    assertThat(r.applied()).isFalse();
    assertThat(r.items())
        .extracting(BatchResult.Item::status)
        .containsExactly(BatchResult.Status.NOT_APPLIED, BatchResult.Status.FAILED);
    assertThat(store.find("c.one", Context.EMPTY)).isEmpty();
    assertThat(store.changes(null, 1, 10).total()).isZero();
  }

  @Test
  void batch_thousandItems_inOneTransaction_andOverLimitRefused() {
    List<BatchOperation> ops = new ArrayList<>();
    for (int i = 0; i < DefaultsStore.MAX_BATCH; i++) {
      ops.add(BatchOperation.upsert(DefaultSpec.of("bulk.k" + i, "v" + i)));
    }
    BatchResult r = store.batch(ops, true, alice);
    assertThat(r.failures()).isZero();
    assertThat(store.list(ListQuery.all().withKeyPrefix("bulk.")).total()).isEqualTo(1000);
    assertThat(store.changes(null, 1, 1).total()).isEqualTo(1000);
    ops.add(BatchOperation.upsert(DefaultSpec.of("bulk.extra", "x")));
    assertThatThrownBy(() -> store.batch(ops, false, alice))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at most 1000 items; got 1001");
  }

  @Test
  void validation_namesFieldLimitAndTruncatedValue() {
    String longKey = "k".repeat(200);
    assertThatThrownBy(() -> store.put(DefaultSpec.of(longKey, "v"), alice))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("key: must be 1 to 128 characters")
        .hasMessageContaining("k".repeat(40) + "…");
    String big = "x".repeat(70_000);
    assertThatThrownBy(() -> store.put(DefaultSpec.of("k", big), alice))
        .hasMessageContaining("value: is 70000 bytes, over the limit of 65536");
    Map<String, String> many = new java.util.TreeMap<>();
    for (int i = 0; i < 17; i++) {
      many.put("f" + i, "v");
    }
    assertThatThrownBy(
            () -> store.put(DefaultSpec.of("k", "v").withContext(Context.of(many)), alice))
        .hasMessageContaining("context: has 17 fields, over the limit of 16");
    assertThatThrownBy(
            () -> store.put(DefaultSpec.of("k", "maybe").withType(ValueType.BOOLEAN), alice))
        .hasMessageContaining("must be true or false");
    assertThatThrownBy(
            () -> store.put(DefaultSpec.of("k", "{oops").withType(ValueType.JSON), alice))
        .hasMessageContaining("valid JSON");
    assertThatThrownBy(
            () -> store.put(DefaultSpec.of("k", "1.5").withType(ValueType.INTEGER), alice))
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> store.put(DefaultSpec.of("k", "x").withConfidence(2), alice))
        .hasMessageContaining("confidence: must be within 0..1");
  }

  @Test
  void typedValuesAndSchemas() {
    assertThat(store.put(DefaultSpec.of("t.b", "TRUE").withType(ValueType.BOOLEAN), alice).value())
        .isEqualTo("true");
    store.put(DefaultSpec.of("t.n", "3.25").withType(ValueType.NUMBER), alice);
    store.put(DefaultSpec.of("t.j", "{\"a\":[1,2]}").withType(ValueType.JSON), alice);
    String envs = "{\"enum\":[\"dev\",\"prod\"]}";
    store.put(DefaultSpec.of("t.e", "prod").withType(ValueType.ENUM).withSchema(envs), alice);
    assertThatThrownBy(
            () ->
                store.put(
                    DefaultSpec.of("t.e", "qa").withType(ValueType.ENUM).withSchema(envs), alice))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("does not match valueSchema")
        .hasMessageContaining("'qa'");
    assertThatThrownBy(() -> store.put(DefaultSpec.of("t.e2", "x").withType(ValueType.ENUM), alice))
        .hasMessageContaining("\"enum\" list");
    String range = "{\"type\":\"integer\",\"minimum\":1,\"maximum\":10}";
    store.put(DefaultSpec.of("t.i", "5").withType(ValueType.INTEGER).withSchema(range), alice);
    assertThatThrownBy(
            () ->
                store.put(
                    DefaultSpec.of("t.i", "50").withType(ValueType.INTEGER).withSchema(range),
                    alice))
        .hasMessageContaining("does not match valueSchema");
  }

  @Test
  void secrets_areReadableButEncryptedInTheDatabaseAndAudit() {
    DefaultEntry e =
        store.put(DefaultSpec.of("api.token", "s3cr3t-plaintext-value").withSecret(true), alice);
    assertThat(e.value()).isEqualTo("s3cr3t-plaintext-value");
    assertThat(e.redacted().value()).isEqualTo(DefaultEntry.MASK);
    assertThat(resolved("api.token", Context.EMPTY)).isEqualTo("s3cr3t-plaintext-value");
    assertThat(store.exportAll().get(0).value()).startsWith("enc:v1:").doesNotContain("s3cr3t");
    assertThat(store.changes("api.token", 1, 10).items().get(0).newValue())
        .contains("enc:v1:")
        .doesNotContain("s3cr3t");
  }

  @Test
  void rotateKey_reencryptsValuesAndAuditSnapshots() {
    store.put(DefaultSpec.of("s.one", "first-secret").withSecret(true), alice);
    store.put(
        DefaultSpec.of("s.two", "second-secret")
            .withSecret(true)
            .withContext(Context.of("env", "prod")),
        alice);
    String before = store.exportAll().get(0).value();
    String oldKey = before.substring(7, 15);
    int n = store.rotateKey(alice);
    assertThat(n).isEqualTo(2);
    List<ExportedDefault> after = store.exportAll();
    assertThat(after).allSatisfy(x -> assertThat(x.value()).doesNotContain(oldKey));
    assertThat(store.changes(null, 1, 100).items())
        .allSatisfy(
            c -> {
              assertThat(String.valueOf(c.oldValue())).doesNotContain("enc:v1:" + oldKey);
              assertThat(String.valueOf(c.newValue())).doesNotContain("enc:v1:" + oldKey);
            });
    assertThat(resolved("s.one", Context.EMPTY)).isEqualTo("first-secret");
    assertThat(resolved("s.two", Context.of("env", "prod"))).isEqualTo("second-secret");
    assertThat(store.changes(null, 1, 1).items().get(0).operation()).isEqualTo("rotate");
  }

  @Test
  void feedback_recordsEventsAndUpdatesUsageFigures() {
    store.put(DefaultSpec.of("plan.author", "ada"), alice);
    defaults.feedback(
        new Feedback(
            "plan.author", Context.of("repo", "r"), "ada", Outcome.ACCEPTED, "ada", "test"));
    defaults.feedback(
        new Feedback("plan.author", Context.of("repo", "r"), "bob", Outcome.CHOSEN, "ada", "test"));
    DefaultEntry e = store.find("plan.author", Context.EMPTY).orElseThrow();
    assertThat(e.usageCount()).isEqualTo(2);
    assertThat(e.successRate()).isEqualTo(0.5);
    assertThat(e.lastUsed()).isEqualTo(clock.instant());
    List<UsageEvent> events = store.usageEvents("plan.author", 0, 10);
    assertThat(events).extracting(UsageEvent::value).containsExactly("ada", "bob");
    assertThat(events.get(1).outcome()).isEqualTo(Outcome.CHOSEN);
    assertThat(store.usageEvents("plan.author", events.get(0).id(), 10)).hasSize(1);
  }

  @Test
  void predict_learnsFromFeedback() {
    Context ctx = Context.of("user", "u1", "template", "plan-dev");
    for (int i = 0; i < 3; i++) {
      defaults.feedback(
          new Feedback("plan.plan-dev.author", ctx, "Ada", Outcome.CHOSEN, null, "test"));
    }
    defaults.feedback(
        new Feedback(
            "plan.plan-dev.author", Context.of("user", "u2"), "Bob", Outcome.CHOSEN, null, "test"));
    List<Prediction> p = defaults.predict("plan.plan-dev.author", ctx, 3);
    assertThat(p).extracting(Prediction::value).startsWith("Ada");
    // With four events the calibration may pool bins, so confidences can tie; the order is the
    // engine's.
    assertThat(p.get(0).confidence()).isGreaterThanOrEqualTo(p.get(1).confidence());
    assertThat(p.get(0).reason()).isNotEqualTo("fallback");
  }

  @Test
  void exportImport_roundTripIsIdentical_inEveryFormat() throws Exception {
    store.put(DefaultSpec.of("x.str", "plain text, with \"quotes\"\nand a newline"), alice);
    store.put(
        DefaultSpec.of("x.zero", "01").withContext(Context.of("env", "prod", "n", "007")), alice);
    store.put(DefaultSpec.of("x.bool", "true").withType(ValueType.BOOLEAN), alice);
    store.put(
        DefaultSpec.of("x.num", "1e3").withType(ValueType.NUMBER).withConfidence(0.123456789),
        alice);
    store.put(DefaultSpec.of("x.json", "{\"a\": [1, null]}").withType(ValueType.JSON), alice);
    store.put(DefaultSpec.of("x.empty", ""), alice);
    store.put(
        DefaultSpec.of("x.enum", "dev")
            .withType(ValueType.ENUM)
            .withSchema("{\"enum\":[\"dev\",\"prod\"]}")
            .withExpiresAt(clock.instant().plusSeconds(3600))
            .withDeprecated(true),
        alice);
    store.put(
        DefaultSpec.of("x.secret", "hush").withSecret(true).withContext(Context.of("é", "ü✓")),
        alice);
    defaults.feedback(
        new Feedback(
            "x.str",
            Context.EMPTY,
            "plain text, with \"quotes\"\nand a newline",
            Outcome.ACCEPTED,
            null,
            "t"));

    for (DefaultsExchange.Format f : DefaultsExchange.Format.values()) {
      var first = new java.io.ByteArrayOutputStream();
      defaults.exchange().export(f, first);
      Path copy = dir.resolve("copy-" + f);
      java.nio.file.Files.createDirectories(copy);
      // Secrets travel encrypted: the receiving store needs the same key.
      java.nio.file.Files.copy(dir.resolve("secret.key"), copy.resolve("secret.key"));
      try (SmartDefaults empty = SmartDefaults.open(config(copy), clock)) {
        ImportReport report =
            empty
                .exchange()
                .importFrom(f, new java.io.ByteArrayInputStream(first.toByteArray()), false, alice);
        assertThat(report.errors()).as(f + " import errors").isEmpty();
        assertThat(report.applied()).isEqualTo(8);
        var second = new java.io.ByteArrayOutputStream();
        empty.exchange().export(f, second);
        assertThat(second.toString(java.nio.charset.StandardCharsets.UTF_8))
            .as(f + " round trip")
            .isEqualTo(first.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(empty.resolve("x.secret", Context.of("é", "ü✓")).orElseThrow().entry().value())
            .isEqualTo("hush");
      }
    }
  }

  @Test
  void import_ofASecretWithoutItsKey_namesTheMissingKey() {
    store.put(DefaultSpec.of("x.secret", "hush").withSecret(true), alice);
    var out = new java.io.ByteArrayOutputStream();
    defaults.exchange().export(DefaultsExchange.Format.JSON, out);
    Path other = dir.resolve("other");
    try (SmartDefaults empty = SmartDefaults.open(config(other), clock)) {
      ImportReport r =
          empty
              .exchange()
              .importFrom(DefaultsExchange.Format.JSON, stream(out.toString()), false, alice);
      assertThat(r.applied()).isZero();
      assertThat(r.errors().get(0).message()).contains("not in the key file").contains("restore");
    }
  }

  /** Four rows, the second and third of them bad. */
  private static final String TWO_BAD_ROWS =
      "key,value,valueType\n"
          + "good.one,1,integer\n"
          + "bad key,1,string\n"
          + "good.two,abc,integer\n"
          + "good.three,x,string\n";

  @Test
  void import_withBadRows_appliesNothing_unlessPartial() {
    ImportReport strict =
        defaults
            .exchange()
            .importFrom(DefaultsExchange.Format.CSV, stream(TWO_BAD_ROWS), false, alice);
    assertThat(strict.applied()).isZero();
    assertThat(strict.errors()).extracting(ImportReport.RowError::row).containsExactly(2, 3);
    assertThat(store.list(ListQuery.all()).total()).isZero();
    ImportReport partial =
        defaults
            .exchange()
            .importFrom(DefaultsExchange.Format.CSV, stream(TWO_BAD_ROWS), true, alice);
    assertThat(partial.applied()).isEqualTo(2);
    assertThat(store.list(ListQuery.all()).total()).isEqualTo(2);
  }

  @Test
  void importCheck_reportsEveryBadRowByItsPlaceInTheFile_andWritesNothing() {
    ImportReport check =
        defaults.exchange().check(DefaultsExchange.Format.CSV, stream(TWO_BAD_ROWS));
    assertThat(check.rows()).isEqualTo(4);
    assertThat(check.applied()).isZero();
    assertThat(check.errors()).extracting(ImportReport.RowError::row).containsExactly(2, 3);
    assertThat(check.errors().get(1).message()).contains("whole number");
    assertThat(store.list(ListQuery.all()).total()).isZero();
    assertThat(store.changes(null, 1, 10).total()).isZero();
  }

  @Test
  void list_filtersSecretOrPlainEntries() {
    store.put(DefaultSpec.of("a.plain", "v"), alice);
    store.put(DefaultSpec.of("b.secret", "hush").withSecret(true), alice);
    assertThat(store.list(ListQuery.all().withSecret(true)).items())
        .extracting(DefaultEntry::key)
        .containsExactly("b.secret");
    assertThat(store.list(ListQuery.all().withSecret(false)).items())
        .extracting(DefaultEntry::key)
        .containsExactly("a.plain");
    assertThat(store.list(ListQuery.all()).total()).isEqualTo(2);
  }

  @Test
  void apiKeys_createAuthenticateRevoke_storedHashed() {
    ApiKeys keys = defaults.apiKeys();
    assertThat(keys.anyActive()).isFalse();
    ApiKeys.Created k = keys.create("ci-bot", Role.EDITOR, alice);
    assertThat(k.secret()).startsWith("pdk_").hasSize(36);
    assertThat(keys.authenticate(k.secret())).get().extracting(ApiKey::role).isEqualTo(Role.EDITOR);
    assertThat(keys.authenticate(k.secret() + "x")).isEmpty();
    assertThat(keys.authenticate("nope")).isEmpty();
    assertThatThrownBy(() -> keys.create("ci-bot", Role.READER, alice))
        .hasMessageContaining("a key named 'ci-bot' exists");
    assertThat(keys.list()).extracting(ApiKey::prefix).containsExactly(k.secret().substring(0, 8));
    keys.revoke("ci-bot", alice);
    assertThat(keys.authenticate(k.secret())).isEmpty();
    assertThat(keys.anyActive()).isFalse();
    assertThatThrownBy(() -> keys.revoke("ghost", alice))
        .isInstanceOf(EntryNotFoundException.class);
    assertThat(store.changes(null, 1, 10).items())
        .extracting(Change::entity)
        .contains("api_key")
        .allSatisfy(e -> assertThat(e).isNotNull());
    assertThat(Role.ADMIN.includes(Role.EDITOR)).isTrue();
    assertThat(Role.READER.includes(Role.EDITOR)).isFalse();
  }

  @Test
  void statsAndPing() {
    store.put(DefaultSpec.of("a", "1"), alice);
    store.put(DefaultSpec.of("b", "1").withDeprecated(true), alice);
    store.put(DefaultSpec.of("c", "1").withSecret(true), alice);
    StoreStats s = defaults.stats();
    assertThat(s.entries()).isEqualTo(3);
    assertThat(s.live()).isEqualTo(2);
    assertThat(s.secrets()).isEqualTo(1);
    assertThat(s.changes()).isEqualTo(3);
    assertThat(defaults.pingDatabase()).isPositive();
  }

  static java.io.InputStream stream(String s) {
    return new java.io.ByteArrayInputStream(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  String resolved(String key, Context ctx) {
    return store.resolve(key, ctx).map(r -> r.entry().value()).orElse(null);
  }
}
