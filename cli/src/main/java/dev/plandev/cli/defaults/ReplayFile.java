package dev.plandev.cli.defaults;

import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.rank.RankingException;
import dev.plandev.defaults.rank.ReplayEvaluator;
import dev.plandev.defaults.rank.ReplayEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The replay file of {@code defaults eval --replay}: JSON lines of past choices, possibly gzipped,
 * read whole; every problem of the file is a usage error of {@code --replay} that names the line.
 */
final class ReplayFile {
  private ReplayFile() {}

  /**
   * The events of {@code file}, oldest first, checked before the replay so that a bad line is a
   * usage error naming its line rather than a failure halfway through.
   */
  static List<ReplayEvent> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(
          "--replay", (Files.exists(file) ? "not a file: " : "no such file: ") + file);
    }
    List<ReplayEvent> events;
    try {
      events = ReplayEvaluator.read(file);
    } catch (RankingException e) {
      // The evaluator names the file and the line; a bad line, an unreadable file or a broken
      // gzip stream are all problems of the input, so they are usage errors.
      throw new InvalidInputException("--replay", describe(e));
    }
    if (events.isEmpty()) {
      throw new InvalidInputException("--replay", file + " holds no events");
    }
    checkKeys(file, events);
    return events;
  }

  /**
   * One line for a failed read: the evaluator's message ("bad replay line N of FILE: detail"), with
   * a missing field said plainly instead of the NullPointerException that found it.
   */
  static String describe(RankingException e) {
    String message = String.valueOf(e.getMessage());
    Throwable cause = e.getCause();
    if (cause instanceof NullPointerException && cause.getMessage() != null) {
      int at = message.lastIndexOf(": " + cause.getMessage());
      if (at > 0) {
        message = message.substring(0, at) + ": missing field (ts, key and value are required)";
      }
    }
    return message.lines().findFirst().orElse(message);
  }

  /**
   * Refuses an event with a blank key before the replay, naming its line: the engine would refuse
   * it mid-run with no line number.
   */
  private static void checkKeys(Path file, List<ReplayEvent> events) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).key().isBlank()) {
        throw new InvalidInputException(
            "--replay", "bad replay line " + lineOf(file, i) + " of " + file + ": blank key");
      }
    }
  }

  /** The line number of the {@code index}-th event (blank lines hold none); -1 if unreadable. */
  private static long lineOf(Path file, int index) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      long number = 0;
      int seen = -1;
      String line;
      while ((line = reader.readLine()) != null) {
        number++;
        if (!line.isBlank() && ++seen == index) {
          return number;
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }
}
