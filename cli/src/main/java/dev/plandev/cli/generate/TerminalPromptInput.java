package dev.plandev.cli.generate;

import dev.plandev.plans.generate.Prompt;
import dev.plandev.plans.generate.PromptInput;
import dev.plandev.plans.generate.PromptInterruptedException;
import dev.plandev.plans.generate.PromptType;
import java.io.PrintWriter;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;

/**
 * Asks prompts on a JLine terminal: the suggestion is already in the line, editable, so Enter
 * accepts it; choices complete with Tab. Ctrl-C or Ctrl-D stop the generation, the answers so far
 * staying in the session file for {@code plandev new --resume}.
 */
final class TerminalPromptInput implements PromptInput {
  private final Terminal terminal;
  private final PrintWriter err;

  TerminalPromptInput(Terminal terminal, PrintWriter err) {
    this.terminal = terminal;
    this.err = err;
  }

  /** Whether this terminal can edit lines (a dumb terminal cannot: prompts are not shown). */
  static boolean canEdit(Terminal terminal) {
    String type = terminal.getType();
    return type != null
        && !type.equals(Terminal.TYPE_DUMB)
        && !type.equals(Terminal.TYPE_DUMB_COLOR);
  }

  @Override
  public boolean interactive() {
    return true;
  }

  @Override
  public String ask(Prompt prompt, String prefilled) {
    LineReader reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .completer(new StringsCompleter(prompt.choices()))
            .build();
    try {
      return reader.readLine(label(prompt), null, prefilled == null ? "" : prefilled);
    } catch (UserInterruptException e) {
      throw new PromptInterruptedException(stoppedAt(prompt), e);
    } catch (EndOfFileException e) {
      // Ctrl-D is the other way people stop a prompt: the same quiet stop as Ctrl-C (exit 130).
      throw new PromptInterruptedException(stoppedAt(prompt), e);
    }
  }

  @Override
  public void tell(String message) {
    err.println(message);
    err.flush();
  }

  private static String label(Prompt prompt) {
    StringBuilder s = new StringBuilder("? ").append(prompt.message());
    if (!prompt.choices().isEmpty()) {
      s.append(" (").append(String.join("/", prompt.choices())).append(')');
    } else if (prompt.type() == PromptType.CONFIRM) {
      s.append(" (y/n)");
    }
    if (prompt.required()) {
      s.append(" *");
    }
    return s.append(": ").toString();
  }

  private static String stoppedAt(Prompt prompt) {
    return "stopped at prompt '"
        + prompt.name()
        + "'; the answers given so far are saved: continue with plandev new --resume";
  }
}
