package dev.plandev.plans.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The built-in templates, classpath resources under {@code templates/}; since a jar cannot be
 * listed, {@code templates/index.txt} names their files ({@code plan-dev/fr/prompts.yaml}, one a
 * line), and a test keeps it in step with the folder.
 */
final class ClasspathTemplates implements TemplateSource {
  static final String ROOT = "templates/";
  static final String INDEX = ROOT + "index.txt";

  private final ClassLoader loader;
  private final Map<String, List<String>> filesByFolder = new TreeMap<>();

  ClasspathTemplates(ClassLoader loader) {
    this.loader = loader;
    for (String line : read(INDEX).split("\n")) {
      String path = line.strip();
      if (path.isEmpty() || path.startsWith("#")) {
        continue;
      }
      String[] parts = path.split("/");
      if (parts.length != 3) {
        throw new IllegalStateException(INDEX + ": expected name/language/file, got " + path);
      }
      filesByFolder
          .computeIfAbsent(parts[0] + "/" + parts[1], k -> new ArrayList<>())
          .add(parts[2]);
    }
  }

  @Override
  public String origin() {
    return "built-in";
  }

  @Override
  public Map<String, Set<String>> names() {
    Map<String, Set<String>> names = new TreeMap<>();
    for (String folder : filesByFolder.keySet()) {
      String[] parts = folder.split("/");
      names.computeIfAbsent(parts[0], k -> new TreeSet<>()).add(parts[1]);
    }
    return names;
  }

  @Override
  public PlanTemplate load(String name, String language) {
    String folder = name + "/" + language;
    List<String> files = filesByFolder.get(folder);
    if (files == null || !files.contains(PromptsFile.NAME)) {
      throw new IllegalStateException("no built-in template " + folder + " in " + INDEX);
    }
    PromptsFile prompts =
        PromptsFile.parse(
            ROOT + folder + "/" + PromptsFile.NAME, read(ROOT + folder + "/prompts.yaml"));
    List<TemplateFile> templateFiles = new ArrayList<>();
    for (String file : files) {
      if (!file.equals(PromptsFile.NAME)) {
        String where = ROOT + folder + "/" + file;
        templateFiles.add(TemplateFile.parse(where, file, read(where)));
      }
    }
    return new PlanTemplate(
        name, language, prompts.description(), prompts.prompts(), templateFiles, origin());
  }

  /**
   * The files of the built-in template {@code name} by their path inside its folder ({@code
   * en/prompts.yaml}), in index order; empty when there is no such template.
   */
  Map<String, String> files(String name) {
    Map<String, String> files = new java.util.LinkedHashMap<>();
    filesByFolder.forEach(
        (folder, names) -> {
          if (folder.startsWith(name + "/")) {
            String language = folder.substring(name.length() + 1);
            for (String file : names) {
              files.put(language + "/" + file, read(ROOT + folder + "/" + file));
            }
          }
        });
    return files;
  }

  private String read(String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath resource " + resource, e);
    }
  }
}
