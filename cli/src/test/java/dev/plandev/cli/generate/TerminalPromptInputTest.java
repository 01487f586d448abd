package dev.plandev.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.plans.generate.Prompt;
import dev.plandev.plans.generate.PromptInterruptedException;
import dev.plandev.plans.generate.PromptType;
import dev.plandev.plans.generate.Question;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

/** A real JLine line reader on a terminal whose keyboard is a byte stream. */
class TerminalPromptInputTest {

  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

  /** Types the keys, then keeps the keyboard open (or closes it when {@code close}). */
  private String type(String keys, Question question, boolean close) throws IOException {
    return type(keys, Prompt.input("author", "Author"), question, close);
  }

  private String type(String keys, Prompt prompt, Question question, boolean close)
      throws IOException {
    PipedOutputStream keyboard = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(keyboard);
    keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
    if (close) {
      keyboard.close();
    }
    try (Terminal terminal = PromptTerminal.overStreams(in, screen)) {
      return new TerminalPromptInput(terminal, new PrintWriter(new StringWriter()))
          .ask(prompt, question);
    } finally {
      keyboard.close();
    }
  }

  private String type(String keys, Question question) throws IOException {
    return type(keys, question, false);
  }

  private String shown() {
    return screen.toString(StandardCharsets.UTF_8);
  }

  @Test
  void the_default_is_a_hint_and_enter_takes_it() throws IOException {
    Question question = Question.withDefault("Ada Lovelace");
    String line = type("\r", question);

    assertThat(TerminalPromptInput.label(Prompt.input("author", "Author"), "Ada Lovelace"))
        .isEqualTo("? Author (Ada Lovelace): ");
    assertThat(shown()).contains(TerminalPromptInput.LEGEND);
    assertThat(line).as("the line starts empty: nothing to append to").isEmpty();
    assertThat(question.answer(line)).isEqualTo("Ada Lovelace");
  }

  /** The bug of issue 16: typing over a pre-filled default appended to it ("Ada Lovelacecarol"). */
  @Test
  void typing_replaces_the_default() throws IOException {
    Question question = Question.withDefault("Ada Lovelace");

    assertThat(question.answer(type("carol\r", question))).isEqualTo("carol");
  }

  /** The engine's two values for an author, numbered, Ada Lovelace the default. */
  private static Question adaOrGrace() {
    return new Question(
        "Ada Lovelace",
        List.of(
            new Question.Option(1, "Ada Lovelace", 0.82),
            new Question.Option(2, "Grace Hopper", 0.09)),
        true);
  }

  @Test
  void the_engines_values_are_listed_and_a_number_picks_one() throws IOException {
    Question question = adaOrGrace();
    String line = type("2\r", question);

    assertThat(shown()).contains("1) Ada Lovelace 82%   2) Grace Hopper 9%");
    assertThat(question.answer(line)).isEqualTo("Grace Hopper");
  }

  @Test
  void an_equals_sign_answers_a_number_itself_where_numbers_pick_values() throws IOException {
    Question question = adaOrGrace();

    assertThat(question.answer(type("=2\r", question))).isEqualTo("2");
    assertThat(question.answer("=x")).as("only a number follows the sign").isEqualTo("=x");
  }

  @Test
  void a_required_yes_no_prompt_shows_its_default_in_words() {
    Prompt confirm =
        new Prompt("go", "Go on", PromptType.CONFIRM, List.of(), null, null, true, false);

    assertThat(TerminalPromptInput.label(confirm, "true")).isEqualTo("? Go on * y/n (yes): ");
  }

  /** Ctrl-D (end of input) stops as quietly as Ctrl-C: an interruption, exit 130 in the CLI. */
  @Test
  void end_of_input_stops_with_a_hint_to_resume() {
    assertThatThrownBy(() -> type("", Question.withDefault("bob"), true))
        .isInstanceOf(PromptInterruptedException.class)
        .hasMessageContaining("plandev new --resume");
  }

  @Test
  void dumb_terminals_cannot_edit() throws IOException {
    try (Terminal dumb =
        TerminalBuilder.builder()
            .system(false)
            .dumb(true)
            .type(Terminal.TYPE_DUMB)
            .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())
            .build()) {
      assertThat(TerminalPromptInput.canEdit(dumb)).isFalse();
    }
  }
}
