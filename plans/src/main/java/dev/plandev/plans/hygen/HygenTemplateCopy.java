package dev.plandev.plans.hygen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The generators that plandev ships in hygen format (today the built-in {@code plan-dev}), copied
 * into a team's {@code _templates} to be edited and run by plandev or hygen.
 */
public final class HygenTemplateCopy {
  private static final Map<String, List<String>> SHIPPED =
      Map.of("plan-dev", List.of("new/prompt.js", "new/plan-fr.ejs.t", "new/plan-en.ejs.t"));

  private HygenTemplateCopy() {}

  /** The names of the shipped generators. */
  public static List<String> names() {
    return List.copyOf(SHIPPED.keySet());
  }

  /**
   * Copies generator {@code name} into {@code templates/name}, refusing to overwrite.
   *
   * @return the files written
   * @throws TemplateProblemException for an unknown generator or a file already there
   */
  public static List<Path> copy(String name, Path templates) {
    List<String> files = SHIPPED.get(name);
    if (files == null) {
      throw new TemplateProblemException(
          "plandev ships no hygen generator '" + name + "'; it ships " + names());
    }
    Path target = templates.resolve(name);
    for (String file : files) {
      if (Files.exists(target.resolve(file))) {
        throw new TemplateProblemException(
            target.resolve(file) + " already exists; move it away or copy into another folder");
      }
    }
    try {
      for (String file : files) {
        Path to = target.resolve(file);
        Files.createDirectories(to.getParent());
        try (InputStream in =
            HygenTemplateCopy.class.getResourceAsStream("/hygen-templates/" + name + "/" + file)) {
          if (in == null) {
            throw new IllegalStateException("missing resource for " + name + "/" + file);
          }
          Files.copy(in, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the " + name + " generator into " + target, e);
    }
    return files.stream().map(target::resolve).toList();
  }
}
