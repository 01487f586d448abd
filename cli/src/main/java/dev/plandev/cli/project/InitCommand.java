package dev.plandev.cli.project;

import dev.plandev.cli.invocation.Environment;
import dev.plandev.cli.invocation.Invocation;
import dev.plandev.cli.invocation.Project;
import dev.plandev.plans.PlanFileException;
import dev.plandev.plans.generate.TemplateCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code plandev init}: makes the working directory a plandev project — a settings file, the
 * built-in {@code plan-dev} template copied to edit, the folder plans are written to, and ignore
 * rules for session files — and says, file by file, what it created and what it kept.
 *
 * <p>Running it again changes nothing that exists: files are kept, the ignore rules are added only
 * when missing. {@code --force} rewrites the settings file and the copied template with the
 * built-in versions (the plans folder and the ignore rules are never rewritten).
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Set up a plandev project in the working directory: plandev.yaml (every default, commented),",
      "_templates/plan-dev/ to edit, the plans folder roadmaps/plans/ and .gitignore lines for",
      "session files. Safe to run again: what exists is kept."
    })
public final class InitCommand implements Callable<Integer> {
  /** The built-in template copied into the project. */
  static final String TEMPLATE = "plan-dev";

  /** The ignore rule for the session files of an interrupted {@code plandev new}. */
  static final String IGNORE_RULE = Project.STATE_DIR + "/";

  @Spec CommandSpec spec;

  @Option(
      names = "--force",
      description =
          "Rewrite plandev.yaml and the copied template with the built-in versions (your changes"
              + " to them are lost)")
  boolean force;

  @Override
  public Integer call() {
    Environment env = Invocation.of(spec).environment();
    Path root = env.workingDir();
    PrintWriter out = spec.commandLine().getOut();
    settingsFile(root, out);
    template(root, out);
    plansFolder(root, out);
    ignoreRules(root, out);
    out.println(
        "plandev finds this project from any folder under "
            + root
            + "; plandev doctor checks the machine, plandev new "
            + TEMPLATE
            + " writes a plan");
    out.flush();
    return 0;
  }

  private void settingsFile(Path root, PrintWriter out) {
    for (String name : Project.CONFIG_FILES) {
      Path existing = root.resolve(name);
      if (Files.isRegularFile(existing) && !(force && name.equals(Project.CONFIG_FILES.get(0)))) {
        out.println(
            "kept     "
                + name
                + " (exists"
                + (force ? "; --force rewrites only plandev.yaml" : "")
                + ")");
        return;
      }
    }
    Path file = root.resolve(Project.CONFIG_FILES.get(0));
    boolean existed = Files.exists(file);
    write(file, SettingsFileText.text());
    out.println((existed ? "rewrote  " : "created  ") + root.relativize(file));
  }

  private void template(Path root, PrintWriter out) {
    Path folder = root.resolve(Project.TEMPLATES_DIR).resolve(TEMPLATE);
    for (Map.Entry<String, String> file : TemplateCatalog.builtInFiles(TEMPLATE).entrySet()) {
      Path target = folder.resolve(file.getKey());
      String shown = root.relativize(target).toString();
      if (Files.exists(target) && !force) {
        out.println("kept     " + shown + " (exists)");
        continue;
      }
      boolean existed = Files.exists(target);
      write(target, file.getValue());
      out.println((existed ? "rewrote  " : "created  ") + shown);
    }
  }

  private static void plansFolder(Path root, PrintWriter out) {
    Path plans = root.resolve(Project.PLANS_DIR);
    if (Files.isDirectory(plans)) {
      out.println("kept     " + Project.PLANS_DIR + "/ (exists)");
      return;
    }
    try {
      Files.createDirectories(plans);
    } catch (IOException e) {
      throw PlanFileException.io("creating the plans folder", plans, e);
    }
    out.println("created  " + Project.PLANS_DIR + "/ (plandev new writes plans here)");
  }

  /** Appends the ignore rule for session files to {@code .gitignore}, unless it holds it. */
  private static void ignoreRules(Path root, PrintWriter out) {
    Path gitignore = root.resolve(".gitignore");
    String text = "";
    if (Files.exists(gitignore)) {
      text = read(gitignore);
      List<String> rules = text.lines().map(String::strip).toList();
      if (rules.contains(IGNORE_RULE) || rules.contains("/" + IGNORE_RULE)) {
        out.println("kept     .gitignore (already ignores " + IGNORE_RULE + ")");
        return;
      }
    }
    String separator = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
    write(
        gitignore,
        text
            + separator
            + "# plandev: answers of an interrupted plandev new (plandev new --resume)\n"
            + IGNORE_RULE
            + "\n");
    out.println(
        (text.isEmpty() ? "created  " : "updated  ")
            + ".gitignore (ignores "
            + IGNORE_RULE
            + ", the session files)");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw PlanFileException.io("reading", file, e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw PlanFileException.io("writing", file, e);
    }
  }
}
