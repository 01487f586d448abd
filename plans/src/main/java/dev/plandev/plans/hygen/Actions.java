package dev.plandev.plans.hygen;

import dev.plandev.plans.generate.Prompt;
import dev.plandev.plans.generate.PromptInput;
import dev.plandev.plans.generate.PromptType;
import dev.plandev.plans.generate.Question;
import dev.plandev.plans.hygen.TemplateFiles.RenderedAction;
import dev.plandev.plans.hygen.script.ScriptSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Carries out rendered template files as hygen's operations do: {@code to} without {@code inject}
 * adds a file ({@code force}, {@code unless_exists}, {@code skip_if: 'true'}, {@code from}), {@code
 * to} with {@code inject} injects the body into an existing file, {@code echo} prints, {@code sh}
 * runs a command, here only when shell commands are allowed. A {@code to} that leaves the working
 * tree is refused. An existing file is overwritten with {@code force}, {@code --force}, or when the
 * person says so (hygen asks too); with no one to ask it is skipped.
 */
final class Actions {
  private final ScriptSandbox sandbox;
  private final Path cwd;
  private final Path templates;
  private final HygenRequest request;
  private final PromptInput input;
  private final List<String> messages = new ArrayList<>();

  Actions(ScriptSandbox sandbox, Path templates, HygenRequest request, PromptInput input) {
    this.sandbox = sandbox;
    this.cwd = request.workingDir().toAbsolutePath().normalize();
    this.templates = templates;
    this.request = request;
    this.input = input;
  }

  List<String> messages() {
    return messages;
  }

  /** Checks every target first, so that a refused one leaves the working tree untouched. */
  List<Outcome> execute(List<RenderedAction> actions, Path shownFrom) {
    for (RenderedAction action : actions) {
      Object to = action.attributes().get("to");
      if (truthy(to)) {
        target(action, String.valueOf(to), shownFrom);
      }
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (RenderedAction action : actions) {
      Map<String, Object> a = action.attributes();
      if (truthy(a.get("message"))) {
        messages.add(String.valueOf(a.get("message")));
      }
      Object to = a.get("to");
      if (truthy(to) && !truthy(a.get("inject"))) {
        outcomes.add(add(action, String.valueOf(to), shownFrom));
      }
      if (truthy(to) && truthy(a.get("inject"))) {
        outcomes.add(inject(action, String.valueOf(to), shownFrom));
      }
      if (truthy(a.get("echo"))) {
        outcomes.add(
            new Outcome("echo", String.valueOf(a.get("echo")), "echoed", null, null, null));
      }
      if (a.get("sh") instanceof String sh && !sh.isEmpty()) {
        outcomes.add(shell(sh, action.body(), Boolean.TRUE.equals(a.get("sh_ignore_exit"))));
      }
    }
    return outcomes;
  }

  private Path target(RenderedAction action, String to, Path shownFrom) {
    Path target = cwd.resolve(to).normalize();
    if (!target.startsWith(cwd)) {
      String file = shownFrom.relativize(action.file()).toString();
      int line;
      try {
        line = FrontMatter.lineOf(Files.readString(action.file(), StandardCharsets.UTF_8), "to");
      } catch (IOException e) {
        line = 0;
      }
      throw new TemplateProblemException(
          file,
          line,
          "to: "
              + to
              + " is outside the working tree "
              + cwd
              + "; refused (a template writes only under the folder plandev runs in)");
    }
    return target;
  }

  private Outcome add(RenderedAction action, String to, Path shownFrom) {
    Map<String, Object> a = action.attributes();
    Path target = target(action, to, shownFrom);
    boolean force = truthy(a.get("force"));
    boolean exists = Files.exists(target);
    if (!force && Boolean.TRUE.equals(a.get("unless_exists")) && exists) {
      return new Outcome("add", to, "skipped", null, null, "exists (unless_exists)");
    }
    if (exists && !force && !request.overwrite() && !confirmOverwrite(to)) {
      return new Outcome("add", to, "skipped", null, null, "exists; pass --force to overwrite it");
    }
    if ("true".equals(a.get("skip_if"))) {
      return new Outcome("add", to, "skipped", null, null, "skip_if");
    }
    String body = action.body();
    if (truthy(a.get("from"))) {
      Path from = templates.resolve(String.valueOf(a.get("from"))).normalize();
      if (!from.startsWith(templates)) {
        throw new TemplateProblemException(
            shownFrom.relativize(action.file()).toString(),
            0,
            "from: " + a.get("from") + " is outside the templates folder; refused");
      }
      body = read(from);
    }
    if (!request.dryRun()) {
      write(target, body);
    }
    return new Outcome("add", to, force ? "forced" : "added", null, body, null);
  }

  /** Asks, as hygen does, whether to overwrite an existing file; no one to ask means no. */
  private boolean confirmOverwrite(String to) {
    if (!input.interactive() || request.acceptDefaults()) {
      return false;
    }
    Prompt prompt =
        new Prompt(
            "overwrite",
            "exists: " + to + ". Overwrite? (y/N)",
            PromptType.CONFIRM,
            List.of(),
            "false",
            null,
            false,
            false);
    String line = Question.withDefault("n").answer(input.ask(prompt, Question.withDefault("n")));
    return List.of("y", "yes", "o", "oui", "true").contains(line.strip().toLowerCase(Locale.ROOT));
  }

  private Outcome inject(RenderedAction action, String to, Path shownFrom) {
    Path target = target(action, to, shownFrom);
    if (!Files.exists(target)) {
      return new Outcome(
          "inject", to, "error", null, null, "Cannot inject to " + to + ": doesn't exist.");
    }
    String before = read(target);
    Object result =
        sandbox.call(sandbox.builtIn("inject"), action.attributes(), action.body(), before);
    if (Boolean.TRUE.equals(sandbox.toJava(sandbox.member(result, "skipped")))) {
      return new Outcome("inject", to, "skipped", before, before, "skip_if matched");
    }
    String after = sandbox.text(sandbox.member(result, "content"));
    if (!request.dryRun()) {
      write(target, after);
    }
    return new Outcome("inject", to, "injected", before, after, null);
  }

  private Outcome shell(String command, String body, boolean ignoreExit) {
    if (!request.allowShell()) {
      return new Outcome(
          "shell", command, "not run", null, body, "shell commands run only with --allow-shell");
    }
    if (request.dryRun()) {
      return new Outcome("shell", command, "not run", null, body, "dry run");
    }
    try {
      Process process =
          new ProcessBuilder("/bin/sh", "-c", command)
              .directory(cwd.toFile())
              .redirectErrorStream(true)
              .start();
      try (OutputStream in = process.getOutputStream()) {
        if (body != null && !body.isEmpty()) {
          in.write(body.getBytes(StandardCharsets.UTF_8));
        }
      }
      String output;
      try (InputStream out = process.getInputStream()) {
        output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
      }
      int exit = process.waitFor();
      if (exit != 0 && !ignoreExit) {
        throw new TemplateProblemException(
            "sh: "
                + command
                + " exited with "
                + exit
                + (output.isBlank() ? "" : ": " + output.strip()));
      }
      return new Outcome("shell", command, "executed", null, output, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TemplateProblemException("sh: " + command + " was interrupted");
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** JavaScript truthiness of a front matter value. */
  static boolean truthy(Object value) {
    if (value == null || Boolean.FALSE.equals(value)) {
      return false;
    }
    if (value instanceof String s) {
      return !s.isEmpty();
    }
    if (value instanceof Number n) {
      return n.doubleValue() != 0 && !Double.isNaN(n.doubleValue());
    }
    return true;
  }
}
