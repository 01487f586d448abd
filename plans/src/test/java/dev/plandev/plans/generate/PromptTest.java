package dev.plandev.plans.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PromptTest {

  private static Prompt prompt(PromptType type, List<String> choices, String regex, boolean req) {
    return new Prompt(
        "phases",
        "Phases",
        type,
        choices,
        null,
        regex == null ? null : Pattern.compile(regex),
        req,
        true);
  }

  @Test
  void check_number_normalizes_digits() {
    assertThat(prompt(PromptType.NUMBER, List.of(), null, true).check(" 05 ")).isEqualTo("5");
  }

  @Test
  void check_number_refuses_text_naming_prompt_rule_and_value() {
    assertThatThrownBy(() -> prompt(PromptType.NUMBER, List.of(), null, true).check("five"))
        .isInstanceOf(InvalidAnswerException.class)
        .hasMessage("invalid answer for 'phases': must be a whole number (got 'five')");
  }

  @Test
  void check_choices_refuses_other_values() {
    assertThatThrownBy(
            () -> prompt(PromptType.NUMBER, List.of("3", "4", "5"), null, true).check("7"))
        .hasMessageContaining("'phases'")
        .hasMessageContaining("must be one of 3, 4, 5")
        .hasMessageContaining("got '7'");
  }

  @Test
  void check_regex_must_match_whole_answer() {
    Prompt p = prompt(PromptType.INPUT, List.of(), "v[0-9]+", true);
    assertThat(p.check("v12")).isEqualTo("v12");
    assertThatThrownBy(() -> p.check("xv12"))
        .hasMessageContaining("must match the regular expression v[0-9]+")
        .hasMessageContaining("got 'xv12'");
  }

  @Test
  void check_required_refuses_blank() {
    assertThatThrownBy(() -> prompt(PromptType.INPUT, List.of(), null, true).check("  "))
        .hasMessageContaining("an answer is required");
    assertThat(prompt(PromptType.INPUT, List.of(), null, false).check("  ")).isEmpty();
  }

  @Test
  void check_confirm_understands_french_and_english() {
    Prompt p = prompt(PromptType.CONFIRM, List.of(), null, true);
    assertThat(p.check("oui")).isEqualTo("true");
    assertThat(p.check("Y")).isEqualTo("true");
    assertThat(p.check("non")).isEqualTo("false");
    assertThatThrownBy(() -> p.check("peut-être")).hasMessageContaining("must be yes or no");
  }

  @Test
  void list_without_choices_is_refused() {
    assertThatThrownBy(() -> prompt(PromptType.LIST, List.of(), null, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs choices");
  }

  @Test
  void templateValue_types_numbers_and_confirmations() {
    assertThat(prompt(PromptType.NUMBER, List.of(), null, true).templateValue("5")).isEqualTo(5L);
    assertThat(prompt(PromptType.CONFIRM, List.of(), null, true).templateValue("true"))
        .isEqualTo(Boolean.TRUE);
  }
}
