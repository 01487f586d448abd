package dev.plandev.plans.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plandev.plans.PlanFileException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The answers of a generation in progress, saved after each answer in {@code
 * .plandev/new-session.json} of the working folder so that {@code plandev new --resume} can go on
 * after an interruption; removed once the files are written.
 *
 * <p>Each save writes a temporary file next to it and renames it over the old one, so a crash
 * leaves either the previous or the new answers, never half a file.
 */
final class AnswerSession {
  static final Path FILE = Path.of(".plandev", "new-session.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final boolean persistent;
  private final String template;
  private final String language;
  private final Map<String, Answer> answers = new LinkedHashMap<>();

  /** An answer with the suggestion that was offered for it (null when none). */
  record Answer(String value, String suggestion) {}

  private AnswerSession(Path file, boolean persistent, String template, String language) {
    this.file = file;
    this.persistent = persistent;
    this.template = template;
    this.language = language;
  }

  /** A new session; when not persistent (dry run) nothing is ever written. */
  static AnswerSession start(Path workingDir, boolean persistent, String template, String lang) {
    return new AnswerSession(workingDir.resolve(FILE), persistent, template, lang);
  }

  /** Whether an unfinished session is saved in this folder. */
  static boolean exists(Path workingDir) {
    return Files.isRegularFile(workingDir.resolve(FILE));
  }

  /**
   * The session saved in this folder, if any.
   *
   * @throws GenerateException when the file is not a session this version can read
   */
  static Optional<AnswerSession> load(Path workingDir, boolean persistent) {
    Path file = workingDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      AnswerSession session =
          new AnswerSession(
              file, persistent, root.path("template").asText(), root.path("language").asText(""));
      root.path("answers")
          .fields()
          .forEachRemaining(
              e ->
                  session.answers.put(
                      e.getKey(),
                      new Answer(
                          e.getValue().path("value").asText(),
                          e.getValue().hasNonNull("suggestion")
                              ? e.getValue().get("suggestion").asText()
                              : null)));
      return Optional.of(session);
    } catch (IOException e) {
      throw new GenerateException(
          "cannot read the saved session "
              + FILE
              + " ("
              + e.getMessage()
              + "); delete it and start again without --resume",
          e);
    }
  }

  String template() {
    return template;
  }

  String language() {
    return language;
  }

  Optional<Answer> answer(String prompt) {
    return Optional.ofNullable(answers.get(prompt));
  }

  /** Records an answer and saves the session. */
  void put(String prompt, String value, String suggestion) {
    answers.put(prompt, new Answer(value, suggestion));
    save();
  }

  /** Removes the saved file, once the plan is written. */
  void delete() {
    if (!persistent) {
      return;
    }
    try {
      Files.deleteIfExists(file);
      Path dir = file.getParent();
      if (!Files.isDirectory(dir)) {
        return; // a template without prompts never saved a session
      }
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isEmpty()) {
          Files.delete(dir);
        }
      }
    } catch (IOException e) {
      throw PlanFileException.io("removing the session file", file, e);
    }
  }

  private void save() {
    if (!persistent) {
      return;
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("template", template);
    root.put("language", language);
    ObjectNode list = root.putObject("answers");
    answers.forEach(
        (name, a) ->
            list.putObject(name).put("value", a.value()).put("suggestion", a.suggestion()));
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "new-session", ".tmp");
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw PlanFileException.io("saving the answers to", file, e);
    }
  }
}
