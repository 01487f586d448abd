package dev.plandev.plans.hygen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answers of a hygen run so far, kept in {@code .plandev/hygen-session.json} of the working
 * folder while the prompts are asked, so that an interrupted run can be resumed ({@code plandev new
 * --resume}) without asking them again: the saved answers come back as options, which answer their
 * questions as they do on the command line. The file is removed once the files are written.
 */
public final class HygenSession {
  static final Path FILE = Path.of(".plandev", "hygen-session.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final ObjectNode state;

  private HygenSession(Path file, ObjectNode state) {
    this.file = file;
    this.state = state;
  }

  /**
   * A session of a run with {@code words}; {@code null} file for a dry run, which keeps nothing.
   */
  static HygenSession start(Path workingDir, List<String> words, boolean persistent) {
    ObjectNode state = JSON.createObjectNode();
    ArrayNode w = state.putArray("words");
    words.forEach(w::add);
    state.putObject("answers");
    return new HygenSession(persistent ? workingDir.resolve(FILE) : null, state);
  }

  /** Records one answer (as the template will see it) and saves the session. */
  void record(String name, Object value) {
    ((ObjectNode) state.get("answers")).set(name, JSON.valueToTree(value));
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), state);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the answers in " + file, e);
    }
  }

  /** Forgets the session: the run is done. */
  void delete() {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }

  /**
   * The words that resume the interrupted run of {@code workingDir}: its own, then each saved
   * answer as an option ({@code --name value}, {@code --flag}/{@code --no-flag}, a list as the
   * option repeated); empty when there is no interrupted hygen run there.
   */
  public static Optional<List<String>> resumeWords(Path workingDir) {
    Path file = workingDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Map<String, Object> state;
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> read = JSON.readValue(file.toFile(), Map.class);
      state = read;
    } catch (IOException e) {
      throw new TemplateProblemException(
          file + " cannot be read (" + e.getMessage() + "); delete it and start again");
    }
    List<String> words = new ArrayList<>();
    for (Object w : (List<?>) state.getOrDefault("words", List.of())) {
      words.add(String.valueOf(w));
    }
    Map<?, ?> answers = (Map<?, ?>) state.getOrDefault("answers", Map.of());
    answers.forEach(
        (name, value) -> {
          if (value instanceof Boolean b) {
            words.add((b ? "--" : "--no-") + name);
          } else if (value instanceof List<?> list) {
            list.forEach(
                item -> {
                  words.add("--" + name);
                  words.add(String.valueOf(item));
                });
          } else {
            words.add("--" + name);
            words.add(value == null ? "" : String.valueOf(value));
          }
        });
    return Optional.of(words);
  }
}
