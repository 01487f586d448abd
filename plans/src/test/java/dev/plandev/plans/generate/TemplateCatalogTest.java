package dev.plandev.plans.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateCatalogTest {
  static final List<String> BUILT_INS =
      List.of("batch", "deployment", "detailed", "pipeline", "plan-dev", "session");

  @TempDir Path dir;

  @Test
  void builtIn_lists_every_template_in_french_and_english() {
    List<TemplateSummary> list = TemplateCatalog.builtIn().list();
    assertThat(list).extracting(TemplateSummary::name).containsExactlyElementsOf(BUILT_INS);
    assertThat(list)
        .allSatisfy(
            t -> {
              assertThat(t.languages()).containsExactly("en", "fr");
              assertThat(t.origin()).isEqualTo("built-in");
              assertThat(t.description()).isNotBlank();
            });
  }

  @Test
  void index_names_exactly_the_files_of_the_templates_folder() throws IOException {
    Path root = Path.of("src", "main", "resources", "templates");
    List<String> files;
    try (Stream<Path> s = Files.walk(root)) {
      files =
          s.filter(Files::isRegularFile)
              .map(p -> root.relativize(p))
              .filter(p -> p.getNameCount() == 3)
              .map(
                  p ->
                      String.join(
                          "/",
                          p.getName(0).toString(),
                          p.getName(1).toString(),
                          p.getName(2).toString()))
              .sorted()
              .toList();
    }
    List<String> index =
        Files.readAllLines(root.resolve("index.txt")).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .sorted()
            .toList();
    assertThat(index).isEqualTo(files);
  }

  @Test
  void find_takes_the_asked_language_and_falls_back_to_french() {
    TemplateCatalog catalog = TemplateCatalog.builtIn();
    assertThat(catalog.find("plan-dev", "en").language()).isEqualTo("en");
    assertThat(catalog.find("plan-dev", "de").language()).isEqualTo("fr");
    assertThat(catalog.find("plan-dev", "en").prompts())
        .extracting(Prompt::name)
        .containsExactly("version", "title", "description", "phases", "author");
  }

  @Test
  void find_unknown_names_the_known_templates() {
    assertThatThrownBy(() -> TemplateCatalog.builtIn().find("plan-deve", "fr"))
        .isInstanceOf(TemplateNotFoundException.class)
        .hasMessageContaining("no template named 'plan-deve'")
        .hasMessageContaining("plan-dev, session");
  }

  @Test
  void user_folder_overrides_the_built_in_of_the_same_name() throws IOException {
    Path folder = dir.resolve("_templates").resolve("plan-dev");
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("prompts.yaml"),
        "description: Our plan\nprompts:\n  - name: title\n    required: true\n");
    Files.writeString(
        folder.resolve("plan.md"), "---\nto: {{ title | slug }}.md\n---\n# {{ title }}\n");
    TemplateCatalog catalog = TemplateCatalog.of(List.of(dir.resolve("_templates")));

    PlanTemplate t = catalog.find("plan-dev", "en");
    assertThat(t.origin()).isEqualTo(folder.toString());
    assertThat(t.language()).isEmpty();
    assertThat(catalog.list())
        .filteredOn(s -> s.name().equals("plan-dev"))
        .singleElement()
        .satisfies(s -> assertThat(s.description()).isEqualTo("Our plan"));
    assertThat(catalog.find("session", "en").origin()).isEqualTo("built-in");
  }

  @Test
  void broken_prompts_file_names_file_and_problem() throws IOException {
    Path folder = dir.resolve("_templates").resolve("bad");
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("prompts.yaml"), "prompts:\n  - name: size\n    type: integer\n");
    Files.writeString(folder.resolve("plan.md"), "---\nto: x.md\n---\nx\n");
    assertThatThrownBy(
            () -> TemplateCatalog.of(List.of(dir.resolve("_templates"))).find("bad", "fr"))
        .isInstanceOf(TemplateFormatException.class)
        .hasMessageContaining("prompts.yaml, prompt 'size'")
        .hasMessageContaining("unknown type 'integer'");
  }

  @Test
  void languageOf_uses_the_locale_and_falls_back_to_french() {
    assertThat(TemplateCatalog.languageOf(Locale.US)).isEqualTo("en");
    assertThat(TemplateCatalog.languageOf(Locale.FRANCE)).isEqualTo("fr");
    assertThat(TemplateCatalog.languageOf(Locale.GERMANY)).isEqualTo("fr");
  }
}
