package dev.plandev.plans.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.plandev.plans.PlanFileEdit;
import dev.plandev.plans.PlanFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a template's files and writes them under the working folder: output paths are relative,
 * built segment by segment with {@link Path} and may not leave the folder; an existing file is
 * never replaced without {@code force}, and all files are checked before any is written.
 */
final class OutputFiles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final TemplateRenderer renderer;
  private final Path workingDir;

  OutputFiles(TemplateRenderer renderer, Path workingDir) {
    this.renderer = renderer;
    this.workingDir = workingDir;
  }

  List<GeneratedFile> render(PlanTemplate template, Map<String, Object> model) {
    List<GeneratedFile> files = new ArrayList<>();
    for (TemplateFile file : template.files()) {
      String where = template.origin() + "/" + file.name();
      String to = target(where, renderer.render(where, file.frontMatter(), model));
      String body = renderer.render(where, file.body(), model);
      files.add(
          new GeneratedFile(relativePath(where, to), body.endsWith("\n") ? body : body + "\n"));
    }
    return files;
  }

  /**
   * Writes the files.
   *
   * @throws OutputExistsException naming the first file that exists, before anything is written,
   *     unless {@code force}
   */
  void write(List<GeneratedFile> files, boolean force) {
    if (!force) {
      for (GeneratedFile f : files) {
        if (Files.exists(workingDir.resolve(f.path()))) {
          throw new OutputExistsException(f.path());
        }
      }
    }
    for (GeneratedFile f : files) {
      Path target = workingDir.resolve(f.path());
      try {
        Files.createDirectories(target.getParent());
        byte[] bytes = f.content().getBytes(StandardCharsets.UTF_8);
        if (force && Files.isRegularFile(target)) {
          // Replacing an existing plan is a plan edit: under its lock, atomic, mode kept.
          PlanFileEdit.replace(target, bytes);
        } else {
          // CREATE_NEW refuses any symbolic link in the way, dangling ones included.
          Files.write(target, bytes, StandardOpenOption.CREATE_NEW);
        }
      } catch (FileAlreadyExistsException e) {
        if (force && Files.isSymbolicLink(target)) {
          throw new GenerateException(
              "cannot write "
                  + f.path()
                  + ": it is a symbolic link that points to nothing; remove the link first",
              e);
        }
        throw new OutputExistsException(f.path());
      } catch (IOException e) {
        throw PlanFileException.io("writing", target, e);
      }
    }
  }

  private static String target(String where, String frontMatter) {
    JsonNode front;
    try {
      front = YAML.readTree(frontMatter);
    } catch (IOException e) {
      throw new TemplateFormatException(
          where, "front matter is not valid YAML once rendered: " + e.getMessage(), e);
    }
    if (front == null || !front.hasNonNull("to") || front.get("to").asText().isBlank()) {
      throw new TemplateFormatException(where, "front matter needs 'to: <output path>'");
    }
    return front.get("to").asText().strip();
  }

  /** The output path as a relative {@link Path}, refusing absolute paths and {@code ..}. */
  private Path relativePath(String where, String to) {
    String[] segments = to.split("[/\\\\]+");
    boolean absolute = to.startsWith("/") || to.startsWith("\\") || to.matches("^[A-Za-z]:.*");
    if (absolute || segments.length == 0) {
      throw new TemplateFormatException(
          where, "output path '" + to + "' must be relative to the working folder");
    }
    for (String s : segments) {
      if (s.isEmpty() || s.equals("..") || s.equals(".")) {
        throw new TemplateFormatException(
            where, "output path '" + to + "' may not contain empty, '.' or '..' segments");
      }
    }
    Path path = workingDir.getFileSystem().getPath(segments[0]);
    for (int i = 1; i < segments.length; i++) {
      path = path.resolve(segments[i]);
    }
    return path;
  }
}
