package dev.plandev.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.plans.generate.Prompt;
import dev.plandev.plans.generate.PromptInterruptedException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

/** A real JLine line reader on a terminal whose keyboard is a byte stream. */
class TerminalPromptInputTest {

  /** Types the keys, then keeps the keyboard open (or closes it when {@code close}). */
  private static String type(String keys, String prefilled, boolean close) throws IOException {
    PipedOutputStream keyboard = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(keyboard);
    keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
    if (close) {
      keyboard.close();
    }
    try (Terminal terminal =
        TerminalBuilder.builder()
            .system(false)
            .type("xterm")
            .streams(in, new ByteArrayOutputStream())
            .build()) {
      return new TerminalPromptInput(terminal, new PrintWriter(new StringWriter()))
          .ask(Prompt.input("author", "Author"), prefilled);
    } finally {
      keyboard.close();
    }
  }

  private static String type(String keys, String prefilled) throws IOException {
    return type(keys, prefilled, false);
  }

  @Test
  void enter_accepts_the_prefilled_suggestion() throws IOException {
    assertThat(type("\r", "bob")).isEqualTo("bob");
  }

  @Test
  void the_suggestion_can_be_edited_or_replaced() throws IOException {
    assertThat(type("by\r", "bob ")).isEqualTo("bob by");
    // Ctrl-A (start of line), Ctrl-K (kill to end of line), then a new name
    assertThat(type("\u0001\u000bcarol\r", "bob")).isEqualTo("carol");
  }

  /** Ctrl-D (end of input) stops as quietly as Ctrl-C: an interruption, exit 130 in the CLI. */
  @Test
  void end_of_input_stops_with_a_hint_to_resume() {
    assertThatThrownBy(() -> type("", "bob", true))
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
