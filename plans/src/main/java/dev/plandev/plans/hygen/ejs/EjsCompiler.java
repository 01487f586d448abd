package dev.plandev.plans.hygen.ejs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles an EJS 3 template into the source of a JavaScript function {@code (locals, escapeFn)}
 * that returns the rendered text, as ejs 3.1 does with its default options ({@code <% %>}, {@code
 * <%= %>} HTML-escaped, {@code <%- %>} raw, {@code <%# %>} comments, {@code <%% %%>} literals,
 * {@code -%>} and {@code _%>} eating the following newline, {@code <%_} and {@code _%>} eating the
 * spaces and tabs beside them, the locals in scope through {@code with}).
 *
 * <p>The algorithm is ejs's: split the text on the tags, then walk the pieces with the mode set by
 * the last opening tag; text is appended as a string literal, code is pasted as is. Each line of
 * the generated source remembers the template line it came from, so that an error reported by the
 * JavaScript engine names the template's line.
 */
public final class EjsCompiler {
  private static final Pattern TAGS = Pattern.compile("(<%%|%%>|<%=|<%-|<%_|<%#|<%|%>|-%>|_%>)");
  private static final Pattern SLURP_BEFORE = Pattern.compile("[ \\t]*<%_", Pattern.MULTILINE);
  private static final Pattern SLURP_AFTER = Pattern.compile("_%>[ \\t]*", Pattern.MULTILINE);
  private static final Pattern TRAILING_SEMICOLON = Pattern.compile(";(\\s*$)");

  private enum Mode {
    EVAL,
    ESCAPED,
    RAW,
    COMMENT,
    LITERAL
  }

  private final StringBuilder source = new StringBuilder();
  private final List<Integer> lines = new ArrayList<>();
  private int templateLine = 1;
  private Mode mode;
  private boolean truncate;

  private EjsCompiler() {}

  /**
   * Compiles {@code text}; {@code file} names the template in error messages.
   *
   * @throws EjsSyntaxException for an opening tag without its closing tag
   */
  public static CompiledTemplate compile(String text, String file) {
    EjsCompiler compiler = new EjsCompiler();
    compiler.emit("(function (locals, escapeFn) {\n", 1);
    compiler.emit("  var __output = \"\";\n", 1);
    compiler.emit(
        "  function __append(s) { if (s !== undefined && s !== null) __output += s }\n", 1);
    compiler.emit("  with (locals || {}) {\n", 1);
    compiler.generate(text, file);
    compiler.emit("  }\n", compiler.templateLine);
    compiler.emit("  return __output;\n})", compiler.templateLine);
    return new CompiledTemplate(
        compiler.source.toString(), compiler.lines.stream().mapToInt(Integer::intValue).toArray());
  }

  private void generate(String original, String file) {
    String text = SLURP_BEFORE.matcher(original).replaceAll("<%_");
    text = SLURP_AFTER.matcher(text).replaceAll("_%>");
    List<String> pieces = split(text);
    for (int i = 0; i < pieces.size(); i++) {
      String piece = pieces.get(i);
      if (piece.startsWith("<%") && !piece.startsWith("<%%")) {
        String closing = i + 2 < pieces.size() ? pieces.get(i + 2) : null;
        if (!("%>".equals(closing) || "-%>".equals(closing) || "_%>".equals(closing))) {
          throw new EjsSyntaxException(
              file,
              templateLine,
              "the tag \"" + piece + "\" is never closed (close it with %>, -%> or _%>)");
        }
      }
      scan(piece);
      templateLine += count(piece, '\n');
    }
  }

  private static List<String> split(String text) {
    List<String> pieces = new ArrayList<>();
    Matcher m = TAGS.matcher(text);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        pieces.add(text.substring(at, m.start()));
      }
      pieces.add(m.group());
      at = m.end();
    }
    if (at < text.length()) {
      pieces.add(text.substring(at));
    }
    return pieces;
  }

  private void scan(String piece) {
    switch (piece) {
      case "<%", "<%_" -> mode = Mode.EVAL;
      case "<%=" -> mode = Mode.ESCAPED;
      case "<%-" -> mode = Mode.RAW;
      case "<%#" -> mode = Mode.COMMENT;
      case "<%%" -> {
        mode = Mode.LITERAL;
        emit("    ; __append(\"<%\")\n", templateLine);
      }
      case "%%>" -> {
        mode = Mode.LITERAL;
        emit("    ; __append(\"%>\")\n", templateLine);
      }
      case "%>", "-%>", "_%>" -> {
        if (mode == Mode.LITERAL) {
          addOutput(piece);
        }
        mode = null;
        truncate = piece.startsWith("-") || piece.startsWith("_");
      }
      default -> code(piece);
    }
  }

  private void code(String piece) {
    if (mode == null || mode == Mode.LITERAL) {
      addOutput(piece);
      return;
    }
    String line = piece;
    if (mode != Mode.COMMENT && line.lastIndexOf("//") > line.lastIndexOf('\n')) {
      line += "\n"; // a trailing line comment would swallow the code the compiler adds after it
    }
    switch (mode) {
      case EVAL -> emit("    ; " + line + "\n", templateLine);
      case ESCAPED ->
          emit("    ; __append(escapeFn(" + stripSemicolon(line) + "))\n", templateLine);
      case RAW -> emit("    ; __append(" + stripSemicolon(line) + ")\n", templateLine);
      default -> {
        // a comment outputs nothing
      }
    }
  }

  private void addOutput(String piece) {
    String line = piece;
    if (truncate) {
      line = line.replaceFirst("^(?:\r\n|\r|\n)", "");
      truncate = false;
    }
    if (line.isEmpty()) {
      return;
    }
    line =
        line.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\"", "\\\"");
    emit("    ; __append(\"" + line + "\")\n", templateLine);
  }

  private static String stripSemicolon(String code) {
    return TRAILING_SEMICOLON.matcher(code).replaceFirst("$1");
  }

  /** Appends source text; each of its lines is mapped to the template line it starts at onwards. */
  private void emit(String text, int fromLine) {
    source.append(text);
    int line = fromLine;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines.add(line++);
      }
    }
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }
}
