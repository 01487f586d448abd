package dev.plandev.cli.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command line a client asks the daemon to run, as its {@link Frames#REQUEST} frame carries it.
 *
 * @param protocol the client's protocol version
 * @param workingDir the client's working directory
 * @param stdinTerminal whether the client's standard input is a terminal
 * @param stdoutTerminal whether the client's standard output is a terminal
 * @param columns the terminal's width, or 0 when unknown
 * @param args the command line, without the program name
 * @param variables the client's environment variables
 */
record Request(
    int protocol,
    Path workingDir,
    boolean stdinTerminal,
    boolean stdoutTerminal,
    int columns,
    List<String> args,
    Map<String, String> variables) {

  /** Reads a request from the strings of its frame. */
  static Request parse(List<String> fields) throws IOException {
    try {
      int i = 0;
      int protocol = Integer.parseInt(fields.get(i++));
      if (protocol != Frames.PROTOCOL) {
        return new Request(protocol, Path.of("/"), false, false, 0, List.of(), Map.of());
      }
      Path dir = Path.of(fields.get(i++));
      boolean stdin = fields.get(i++).equals("1");
      boolean stdout = fields.get(i++).equals("1");
      int columns = Integer.parseInt(fields.get(i++));
      int argc = Integer.parseInt(fields.get(i++));
      List<String> args = new ArrayList<>(fields.subList(i, i + argc));
      i += argc;
      int envc = Integer.parseInt(fields.get(i++));
      Map<String, String> env = new LinkedHashMap<>();
      for (String entry : fields.subList(i, i + envc)) {
        int eq = entry.indexOf('=');
        if (eq > 0) {
          env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
      }
      return new Request(protocol, dir, stdin, stdout, columns, List.copyOf(args), env);
    } catch (RuntimeException e) {
      throw new IOException("a malformed request: " + e.getMessage(), e);
    }
  }

  /** The strings of this request's frame (what the C client sends). */
  List<String> fields() {
    List<String> out = new ArrayList<>();
    out.add(Integer.toString(protocol));
    out.add(workingDir.toString());
    out.add(stdinTerminal ? "1" : "0");
    out.add(stdoutTerminal ? "1" : "0");
    out.add(Integer.toString(columns));
    out.add(Integer.toString(args.size()));
    out.addAll(args);
    out.add(Integer.toString(variables.size()));
    variables.forEach((k, v) -> out.add(k + "=" + v));
    return out;
  }

  /** Whether a person is at a terminal, as the JVM would say ({@code System.console()}). */
  boolean terminal() {
    return stdinTerminal && stdoutTerminal;
  }
}
