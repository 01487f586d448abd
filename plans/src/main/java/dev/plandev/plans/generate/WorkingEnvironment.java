package dev.plandev.plans.generate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where and by whom a plan is generated: the folder outputs are written under, and the facts that
 * make up the Smart Defaults context.
 *
 * @param workingDir the folder output paths are relative to
 * @param repository the name of the enclosing git repository's top-level folder, or empty
 * @param user the operating-system user name
 * @param os the operating-system name, lower case
 */
public record WorkingEnvironment(Path workingDir, String repository, String user, String os) {

  public WorkingEnvironment {
    workingDir = workingDir.toAbsolutePath().normalize();
    repository = Objects.requireNonNullElse(repository, "");
    user = Objects.requireNonNullElse(user, "");
    os = Objects.requireNonNullElse(os, "");
  }

  /**
   * Looks around a folder: the git repository is found by walking up to the first folder holding
   * {@code .git} (no git process is started); user and OS come from the JVM.
   */
  public static WorkingEnvironment detect(Path workingDir) {
    Path dir = workingDir.toAbsolutePath().normalize();
    String repository = "";
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        repository = p.getFileName() == null ? "" : p.getFileName().toString();
        break;
      }
    }
    return new WorkingEnvironment(
        dir,
        repository,
        System.getProperty("user.name", ""),
        System.getProperty("os.name", "").toLowerCase(Locale.ROOT));
  }

  /** The Smart Defaults context of a prompt of this template; empty facts are left out. */
  public Map<String, String> defaultsContext(String template, String language) {
    Map<String, String> context = new LinkedHashMap<>();
    context.put("template", template);
    put(context, "language", language);
    put(context, "repository", repository);
    put(context, "directory", workingDir.toString());
    put(context, "user", user);
    put(context, "os", os);
    return context;
  }

  private static void put(Map<String, String> context, String name, String value) {
    if (!value.isEmpty()) {
      context.put(name, value);
    }
  }
}
