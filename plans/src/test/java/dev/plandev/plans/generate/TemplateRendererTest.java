package dev.plandev.plans.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {
  private final TemplateRenderer renderer = new TemplateRenderer();

  @Test
  void slug_strips_accents_and_punctuation() {
    assertThat(TemplateRenderer.slug("Mise à jour : Cache Redis (v2)!"))
        .isEqualTo("mise-a-jour-cache-redis-v2");
  }

  @Test
  void tag_only_lines_leave_no_blank_line_but_markdown_blank_lines_stay() {
    String text = "# T\n\n{% if x %}\nyes\n{% endif %}\n\nend {{ x }}\n";
    assertThat(renderer.render("t", text, Map.of("x", true))).isEqualTo("# T\n\nyes\n\nend true\n");
  }

  @Test
  void unknown_variable_is_an_error_naming_the_file() {
    assertThatThrownBy(() -> renderer.render("plan.md", "{{ titel }}", Map.of("title", "x")))
        .isInstanceOf(TemplateFormatException.class)
        .hasMessageStartingWith("plan.md: ");
  }
}
