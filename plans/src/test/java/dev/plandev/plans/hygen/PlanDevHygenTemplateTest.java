package dev.plandev.plans.hygen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.plans.generate.DefaultsClient;
import dev.plandev.plans.generate.GeneratedFile;
import dev.plandev.plans.generate.GenerationRequest;
import dev.plandev.plans.generate.PlanGenerator;
import dev.plandev.plans.generate.PromptInput;
import dev.plandev.plans.generate.TemplateCatalog;
import dev.plandev.plans.generate.WorkingEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hygen-format plan-dev that plandev ships ({@link HygenTemplateCopy}) writes the same plan, at
 * the same path, as the built-in plan-dev template, for both languages, every phase count, with and
 * without a description.
 */
class PlanDevHygenTemplateTest {
  static final Clock DAY = Clock.fixed(Instant.parse("2026-02-03T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "fr,3,''",
    "fr,4,Une phrase avec des accents : été & <balises>.",
    "fr,5,''",
    "en,3,One sentence.",
    "en,4,''",
    "en,5,Last one."
  })
  void writesWhatTheBuiltInTemplateWrites(String lang, String phases, String description)
      throws IOException {
    Map<String, String> answers =
        Map.of(
            "version", "v2026-02",
            "title", "Cache Redis à deux niveaux",
            "description", description,
            "phases", phases,
            "author", "Zoé Martin");
    WorkingEnvironment env = new WorkingEnvironment(dir, "", "tester", "linux");
    GeneratedFile builtIn =
        new PlanGenerator(TemplateCatalog.builtIn(), DefaultsClient.none(), DAY)
            .generate(
                GenerationRequest.builder(env)
                    .template("plan-dev")
                    .language(lang)
                    .set(answers)
                    .acceptDefaults(true)
                    .dryRun(true)
                    .build(),
                PromptInput.none())
            .files()
            .get(0);

    HygenTemplateCopy.copy("plan-dev", dir.resolve("_templates"));
    List<String> words = new ArrayList<>(List.of("plan-dev", "new", "--lang", lang));
    answers.forEach(
        (k, v) -> {
          words.add("--" + k);
          words.add(v);
        });
    words.addAll(List.of("--today", "2026-02-03"));
    HygenResult result =
        new HygenGenerator(DefaultsClient.none(), DAY, new PrintWriter(new StringWriter()))
            .run(
                new HygenRequest(
                    dir.resolve("_templates"), env, words, Map.of(), true, false, false, false),
                PromptInput.none());

    assertThat(result.outcomes())
        .filteredOn(o -> "added".equals(o.status()))
        .singleElement()
        .satisfies(o -> assertThat(Path.of(o.subject())).isEqualTo(builtIn.path()));
    assertThat(Files.readString(dir.resolve(builtIn.path()), StandardCharsets.UTF_8))
        .isEqualTo(builtIn.content());
  }
}
