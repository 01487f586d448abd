package dev.plandev.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultsToolsTest {
  static final McpCaller ADA = new McpCaller("ada", true);

  @TempDir Path dir;
  SmartDefaults engine;

  @BeforeEach
  void open() {
    engine = TestPlans.engine(dir);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  static Arguments args(Map<String, Object> values) {
    return new Arguments(
        "t",
        values,
        Set.of(
            "key",
            "value",
            "context",
            "type",
            "limit",
            "outcome",
            "suggested",
            "template",
            "answers",
            "lang",
            "dir",
            "dryRun",
            "force"));
  }

  @Test
  void set_thenGet_mostSpecificContextWins() {
    new SetDefaultTool(() -> engine)
        .call(args(Map.of("key", "db.host", "value", "localhost")), ADA);
    ToolAnswer set =
        new SetDefaultTool(() -> engine)
            .call(
                args(
                    Map.of(
                        "key",
                        "db.host",
                        "value",
                        "db.internal",
                        "context",
                        Map.of("env", "prod"))),
                ADA);
    ToolAnswer got =
        new GetDefaultTool(() -> engine)
            .call(
                args(Map.of("key", "db.host", "context", Map.of("env", "prod", "project", "web"))),
                ADA);

    assertThat(set.text())
        .isEqualTo("set db.host = \"db.internal\" for context {\"env\":\"prod\"} (version 1)\n");
    assertThat(got.text())
        .startsWith("db.host = \"db.internal\" · from context {\"env\":\"prod\"}");
    assertThat(got.structured())
        .containsEntry("value", "db.internal")
        .containsEntry("matchedFields", 1);
    assertThat(engine.store().changes("db.host", 1, 10).items().get(0).actor()).isEqualTo("ada");
  }

  @Test
  void get_missing_isNotAnError() {
    ToolAnswer a = new GetDefaultTool(() -> engine).call(args(Map.of("key", "nope")), ADA);

    assertThat(a.text()).isEqualTo("no default for nope in context {}\n");
    assertThat(a.structured()).containsEntry("found", false);
  }

  @Test
  void feedback_thenSuggest_learnsTheChosenValue() {
    for (int i = 0; i < 3; i++) {
      new FeedbackTool(() -> engine)
          .call(
              args(
                  Map.of(
                      "key",
                      "plan.author",
                      "value",
                      "Ada",
                      "outcome",
                      "chosen",
                      "context",
                      Map.of("user", "ada"))),
              ADA);
    }
    ToolAnswer a =
        new SuggestTool(() -> engine)
            .call(args(Map.of("key", "plan.author", "context", Map.of("user", "ada"))), ADA);

    assertThat(a.text()).startsWith("1. \"Ada\" ");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) a.structured().get("suggestions");
    assertThat(rows.get(0)).containsEntry("value", "Ada").containsKey("confidence");
  }

  @Test
  void set_badKey_isTheEnginesMessage() {
    assertThatThrownBy(
            () ->
                new SetDefaultTool(() -> engine)
                    .call(args(Map.of("key", "bad key", "value", "x")), ADA))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("key");
  }

  @Test
  void newPlan_fillsDefaultsWritesInsideRootAndLearns() throws Exception {
    Path root = TestPlans.root(dir);
    PlanRoots roots = new PlanRoots(List.of(root));
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    List<Path> created = new java.util.ArrayList<>();
    NewPlanTool tool = new NewPlanTool(roots, () -> engine, clock, new Object(), created::add);

    ToolAnswer a =
        tool.call(
            args(
                Map.of(
                    "template",
                    "plan-dev",
                    "answers",
                    Map.of("title", "Cache Redis"),
                    "dir",
                    "new")),
            ADA);

    assertThat(a.text()).startsWith("created plan://new/");
    assertThat(created).hasSize(1);
    assertThat(created.get(0)).startsWith(root.toRealPath().resolve("new"));
    assertThat(Files.readString(created.get(0))).contains("Cache Redis");
    assertThat(engine.store().usageEvents(null, 0, 100)).isNotEmpty();
  }

  @Test
  void newPlan_missingAnswers_listsThem() throws Exception {
    PlanRoots roots = new PlanRoots(List.of(TestPlans.root(dir)));
    NewPlanTool tool =
        new NewPlanTool(roots, () -> engine, Clock.systemUTC(), new Object(), p -> {});

    assertThatThrownBy(() -> tool.call(args(Map.of("template", "plan-dev")), ADA))
        .isInstanceOf(dev.plandev.plans.generate.MissingAnswersException.class);
  }

  @Test
  void set_overASecret_keepsItSecretAndMasked() {
    engine.store().put(DefaultSpec.of("api.token", "old-token").withSecret(true), Actor.of("t"));
    ToolAnswer answer =
        new SetDefaultTool(() -> engine)
            .call(args(Map.of("key", "api.token", "value", "new-token-123")), ADA);
    assertThat(answer.text()).doesNotContain("new-token-123");
    DefaultEntry stored = engine.store().find("api.token", Context.EMPTY).orElseThrow();
    assertThat(stored.secret()).isTrue();
    assertThat(stored.value()).isEqualTo("new-token-123");
    assertThat(engine.store().exportAll().get(0).value())
        .startsWith("enc:v1:")
        .doesNotContain("new-token-123");
  }
}
