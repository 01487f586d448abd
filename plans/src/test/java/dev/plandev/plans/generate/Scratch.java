package dev.plandev.plans.generate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchTest {
  @TempDir Path dir;

  @Test
  void show() {
    for (String phases : new String[] {"3", "5"}) {
      GenerationResult r =
          new PlanGenerator(
                  TemplateCatalog.builtIn(),
                  DefaultsClient.none(),
                  Clock.fixed(Instant.parse("2025-06-04T10:00:00Z"), ZoneOffset.UTC))
              .generate(
                  GenerationRequest.builder(new WorkingEnvironment(dir, "repo", "alice", "linux"))
                      .template(System.getProperty("tpl", "plan-dev"))
                      .language(System.getProperty("lang", "fr"))
                      .set("title", "Cache Redis à deux niveaux")
                      .set("phases", phases)
                      .acceptDefaults(true)
                      .dryRun(true)
                      .build(),
                  PromptInput.none());
      System.out.println("=== " + r.files().get(0).path());
      System.out.println(r.files().get(0).content());
    }
  }
}
