package dev.plandev.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules the build enforces: no package cycles anywhere, module dependencies that
 * point inward ({@code cli → server, mcp, plans, core}; {@code server → plans, core} (the web UI
 * shows and edits plans); {@code mcp → plans, core}; {@code plans} on its own; {@code testing}, the
 * test support jar, used by no product code), and no package of the core calling back up into its
 * facade. The cli module's test classpath is the only one that holds every module, so the rules
 * live here.
 */
class ArchitectureTest {
  private static final JavaClasses PRODUCT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(location -> !location.contains("-tests.jar"))
          .importPackages("dev.plandev");

  /** Each package is its own slice, so a cycle between two sibling packages counts too. */
  private static final ArchRule NO_PACKAGE_CYCLES =
      slices().matching("dev.plandev.(**)").should().beFreeOfCycles();

  @Test
  void noPackageCycles() {
    NO_PACKAGE_CYCLES.check(PRODUCT);
  }

  @Test
  void noPackageCycles_failsOnACycle() {
    JavaClasses cycle = new ClassFileImporter().importPackages("archfixture");
    ArchRule rule = slices().matching("archfixture.(**)").should().beFreeOfCycles();

    assertThat(rule.evaluate(cycle).hasViolation()).isTrue();
  }

  @Test
  void modulesDependInward() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("core")
        .definedBy("dev.plandev.defaults..")
        .layer("plans")
        .definedBy("dev.plandev.plans..")
        .layer("server")
        .definedBy("dev.plandev.server..")
        .layer("mcp")
        .definedBy("dev.plandev.mcp..")
        .layer("cli")
        .definedBy("dev.plandev.cli..")
        .layer("testing")
        .definedBy("dev.plandev.testing..")
        .whereLayer("testing")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("server")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("mcp")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("plans")
        .mayOnlyBeAccessedByLayers("server", "mcp", "cli")
        .whereLayer("core")
        .mayOnlyBeAccessedByLayers("server", "mcp", "cli")
        .check(PRODUCT);
  }

  @Test
  void coreConceptsNeverCallBackIntoTheFacade() {
    noClasses()
        .that()
        .resideInAPackage("dev.plandev.defaults.(*)..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.plandev.defaults")
        .check(PRODUCT);
  }
}
