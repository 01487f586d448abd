package dev.plandev.plans.generate;

import dev.plandev.plans.PlanFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * User templates in a folder such as {@code ./_templates}: {@code <name>/<language>/} or {@code
 * <name>/} (any language), each holding {@code prompts.yaml} and template files.
 */
final class FolderTemplates implements TemplateSource {
  private final Path root;

  FolderTemplates(Path root) {
    this.root = root;
  }

  @Override
  public String origin() {
    return root.toString();
  }

  @Override
  public Map<String, Set<String>> names() {
    Map<String, Set<String>> names = new TreeMap<>();
    for (Path dir : children(root)) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      String name = dir.getFileName().toString();
      if (Files.isRegularFile(dir.resolve(PromptsFile.NAME))) {
        names.computeIfAbsent(name, k -> new TreeSet<>()).add("");
      }
      for (Path sub : children(dir)) {
        if (Files.isRegularFile(sub.resolve(PromptsFile.NAME))) {
          names.computeIfAbsent(name, k -> new TreeSet<>()).add(sub.getFileName().toString());
        }
      }
    }
    return names;
  }

  @Override
  public PlanTemplate load(String name, String language) {
    Path folder = language.isEmpty() ? root.resolve(name) : root.resolve(name).resolve(language);
    Path promptsPath = folder.resolve(PromptsFile.NAME);
    PromptsFile prompts = PromptsFile.parse(promptsPath.toString(), read(promptsPath));
    List<TemplateFile> files = new ArrayList<>();
    for (Path file : children(folder)) {
      String fileName = file.getFileName().toString();
      if (Files.isRegularFile(file)
          && !fileName.equals(PromptsFile.NAME)
          && !fileName.startsWith(".")) {
        files.add(TemplateFile.parse(file.toString(), fileName, read(file)));
      }
    }
    if (files.isEmpty()) {
      throw new TemplateFormatException(
          folder.toString(), "has no template file besides prompts.yaml");
    }
    return new PlanTemplate(
        name, language, prompts.description(), prompts.prompts(), files, folder.toString());
  }

  private static List<Path> children(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw PlanFileException.io("listing the template folder", dir, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw PlanFileException.io("reading the template file", file, e);
    }
  }
}
