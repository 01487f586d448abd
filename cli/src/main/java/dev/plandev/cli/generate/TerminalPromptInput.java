package dev.plandev.cli.generate;

import dev.plandev.plans.generate.Prompt;
import dev.plandev.plans.generate.PromptInput;
import dev.plandev.plans.generate.PromptInterruptedException;
import dev.plandev.plans.generate.PromptType;
import dev.plandev.plans.generate.Question;
import java.io.PrintWriter;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;

/**
 * Asks prompts on a JLine terminal. The default is shown as a hint, {@code ? Author (Ada Lovelace):
 * }, and the line starts empty: Enter takes the default, typing replaces it. The options (a list
 * prompt's choices, or the engine's best values with their confidence) are shown above the prompt,
 * numbered when a typed number picks one, and complete with Tab. Ctrl-C or Ctrl-D stop the
 * generation, the answers so far staying in the session file for {@code plandev new --resume}.
 */
final class TerminalPromptInput implements PromptInput {
  private final Terminal terminal;
  private final PrintWriter err;
  private boolean explained;

  /** Said once, before the first prompt: what each mark of the prompts means. */
  static final String LEGEND =
      "(Enter takes the value in brackets, typing replaces it; a number picks a listed value,"
          + " =2 answers 2 itself; % = how likely the engine thinks a value is;"
          + " * = an answer is required)";

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
  public String ask(Prompt prompt, Question question) {
    List<String> values = question.options().stream().map(Question.Option::value).toList();
    LineReader reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .completer(new StringsCompleter(values))
            .build();
    if (!explained) {
      explained = true;
      terminal.writer().println(LEGEND);
    }
    if (!question.options().isEmpty()) {
      terminal.writer().println("  " + question.optionsLine());
    }
    terminal.writer().flush();
    try {
      return reader.readLine(label(prompt, question.defaultValue()));
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

  /** {@code ? Message * y/n (default): }: required mark, yes-or-no hint, then the default. */
  static String label(Prompt prompt, String defaultValue) {
    StringBuilder s = new StringBuilder("? ").append(prompt.message());
    if (prompt.required()) {
      s.append(" *");
    }
    if (prompt.type() == PromptType.CONFIRM) {
      s.append(" y/n");
    }
    if (defaultValue != null && !defaultValue.isEmpty()) {
      String shown =
          prompt.type() == PromptType.CONFIRM
              ? (Boolean.parseBoolean(defaultValue) ? "yes" : "no")
              : defaultValue;
      s.append(" (").append(shown).append(')');
    }
    return s.append(": ").toString();
  }

  private static String stoppedAt(Prompt prompt) {
    return "stopped at prompt '"
        + prompt.name()
        + "'; the answers given so far are saved: continue with plandev new --resume";
  }
}
