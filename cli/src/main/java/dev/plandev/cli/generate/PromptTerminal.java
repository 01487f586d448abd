package dev.plandev.cli.generate;

import dev.plandev.cli.invocation.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.WriterOutputStream;

/** The terminal a command's prompts are asked on. */
final class PromptTerminal {
  private PromptTerminal() {}

  /**
   * The system terminal, or, when the environment brings its own standard input (a test, or a
   * program driving plandev), a terminal over that input that shows the prompts on standard error.
   */
  static Terminal open(Environment env) throws IOException {
    if (env.in() == System.in) {
      return TerminalBuilder.builder().system(true).dumb(true).build();
    }
    return overStreams(env.in(), new WriterOutputStream(env.err(), StandardCharsets.UTF_8));
  }

  /**
   * A terminal that reads keys from {@code in} and shows its output on {@code out}, written before
   * each call returns.
   */
  static Terminal overStreams(InputStream in, OutputStream out) throws IOException {
    // JLine's own line discipline in Java ("exec" provider). The default provider puts a kernel
    // pseudo-terminal between the streams, whose output is copied by a thread of its own: what it
    // had not copied yet when the terminal closed was lost.
    Terminal terminal =
        TerminalBuilder.builder()
            .system(false)
            .provider(TerminalBuilder.PROP_PROVIDER_EXEC)
            .type("xterm")
            .streams(in, out)
            .paused(true)
            .build();
    // The line reader shows what is typed itself. The terminal's own echo would print keys that
    // arrive before the reader starts in the middle of the prompt's output; it is turned off before
    // the terminal reads its first key.
    Attributes attributes = terminal.getAttributes();
    attributes.setLocalFlag(Attributes.LocalFlag.ECHO, false);
    terminal.setAttributes(attributes);
    terminal.resume();
    return terminal;
  }
}
