package dev.plandev.plans.hygen;

import dev.plandev.plans.hygen.ejs.CompiledTemplate;
import dev.plandev.plans.hygen.ejs.EjsCompiler;
import dev.plandev.plans.hygen.ejs.EjsSyntaxException;
import dev.plandev.plans.hygen.script.ScriptFailureException;
import dev.plandev.plans.hygen.script.ScriptSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Collator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders the template files of an action folder as hygen does: every file but the prompt files, in
 * locale order, those whose path matches the subaction when one is given; each file's front matter
 * attributes are rendered first, then its body with them as {@code attributes}.
 */
final class TemplateFiles {
  private static final List<String> IGNORED =
      List.of(
          "prompt.js",
          "index.js",
          "prompt.ts",
          "index.ts",
          ".hygenignore",
          ".DS_Store",
          ".Spotlight-V100",
          ".Trashes",
          "ehthumbs.db",
          "Thumbs.db");

  private final ScriptSandbox sandbox;
  private final Object escape;
  private final Path shownFrom;

  /** Renders in {@code sandbox}; file names in messages are relative to {@code shownFrom}. */
  TemplateFiles(ScriptSandbox sandbox, Path shownFrom) {
    this.sandbox = sandbox;
    this.escape = sandbox.builtIn("escapeXml");
    this.shownFrom = shownFrom;
  }

  /** A rendered template file: its attributes (rendered) and body. */
  record RenderedAction(Path file, Map<String, Object> attributes, String body) {}

  List<RenderedAction> render(Path actionFolder, String subaction, Object context) {
    List<RenderedAction> actions = new ArrayList<>();
    for (Path file : files(actionFolder, subaction)) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read template " + file, e);
      }
      String shown = shown(file);
      FrontMatter fm = FrontMatter.parse(text, shown);
      Map<String, Object> attributes = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : fm.attributes().entrySet()) {
        Object value = e.getValue();
        if (value instanceof String s) {
          value = render(s, context, shown, FrontMatter.lineOf(text, e.getKey()) - 1, true);
        }
        attributes.put(e.getKey(), value);
      }
      Object bodyContext = sandbox.call(sandbox.builtIn("withAttributes"), context, attributes);
      String body = render(fm.body(), bodyContext, shown, fm.bodyLine() - 1, false);
      actions.add(new RenderedAction(file, attributes, body));
    }
    return actions;
  }

  /** Renders one EJS text; errors name the template file and the line of the file. */
  String render(String template, Object context, String shown, int lineOffset, boolean oneLine) {
    try {
      CompiledTemplate compiled = EjsCompiler.compile(template, shown);
      Object function;
      try {
        function = sandbox.evaluate(compiled.functionSource(), shown);
      } catch (ScriptFailureException e) {
        throw e.at(shown, lineOffset + (oneLine ? 1 : compiled.templateLine(e.line())));
      }
      try {
        return sandbox.text(sandbox.call(function, context, escape));
      } catch (ScriptFailureException e) {
        if (!shown.equals(e.file())) {
          throw e;
        }
        throw e.at(shown, lineOffset + (oneLine ? 1 : compiled.templateLine(e.line())));
      }
    } catch (EjsSyntaxException e) {
      throw new TemplateProblemException(shown, lineOffset + (oneLine ? 1 : e.line()), e.problem());
    }
  }

  private static List<Path> files(Path actionFolder, String subaction) {
    List<Path> all;
    try (Stream<Path> walk = Files.walk(actionFolder)) {
      all = walk.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + actionFolder, e);
    }
    List<Path> files = all.stream().filter(f -> !ignoredByHygenignore(f, all)).toList();
    Collator collator = Collator.getInstance(Locale.ENGLISH);
    Pattern sub = subaction == null ? null : Pattern.compile(subaction);
    String prefix = actionFolder.toString();
    return files.stream()
        .map(Path::toString)
        .sorted(collator)
        .filter(f -> IGNORED.stream().noneMatch(f::endsWith))
        .filter(f -> sub == null || sub.matcher(f.replace(prefix, "")).find())
        .map(Path::of)
        .toList();
  }

  /**
   * Whether a {@code .hygenignore} beside the file or in a folder above it (within the action
   * folder) names it: each line a glob, matched against the file's name when it has no slash, else
   * against its path from that folder; blank lines and {@code #} comments are skipped.
   */
  private static boolean ignoredByHygenignore(Path file, List<Path> all) {
    for (Path ignoreFile : all) {
      if (!ignoreFile.getFileName().toString().equals(".hygenignore")
          || !file.startsWith(ignoreFile.getParent())
          || file.equals(ignoreFile)) {
        continue;
      }
      Path relative = ignoreFile.getParent().relativize(file);
      List<String> lines;
      try {
        lines = Files.readAllLines(ignoreFile, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + ignoreFile, e);
      }
      for (String line : lines) {
        String glob = line.strip();
        if (glob.isEmpty() || glob.startsWith("#") || glob.startsWith("!")) {
          continue;
        }
        glob = glob.startsWith("/") ? glob.substring(1) : glob;
        boolean byName = !glob.contains("/");
        Path subject = byName ? relative.getFileName() : relative;
        if (FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(subject)) {
          return true;
        }
      }
    }
    return false;
  }

  private String shown(Path file) {
    return file.startsWith(shownFrom) ? shownFrom.relativize(file).toString() : file.toString();
  }
}
