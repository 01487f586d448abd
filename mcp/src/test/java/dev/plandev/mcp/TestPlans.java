package dev.plandev.mcp;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.testing.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small plan, a plan root holding it and an engine on SQLite, all in a test's temp folder. */
final class TestPlans {
  static final String PLAN =
      """
      # Plan de dev v1

      *Progression: 0%*

      ## Phase 1 : Fondations

      *Progression: 0%*

      - [ ] **1.1** Configurer le dépôt
      - [x] **1.2** Écrire le parseur 🚀
      - [ ] **1.3** Tester le parseur

      ## Phase 2 : Livraison

      - [ ] **2.1** Publier
      - [ ] **2.2** Annoncer
      """;

  private TestPlans() {}

  /** Writes {@code plans/docs/plan.md} under {@code dir} and returns the root {@code plans}. */
  static Path root(Path dir) throws IOException {
    Path root = dir.resolve("plans");
    Files.createDirectories(root.resolve("docs"));
    Files.writeString(root.resolve("docs/plan.md"), PLAN, StandardCharsets.UTF_8);
    return root;
  }

  static SmartDefaults engine(Path dir) {
    return SmartDefaults.open(
        PlandevConfig.defaults().withDataDir(dir.resolve("data").toString()), new TestClock());
  }
}
