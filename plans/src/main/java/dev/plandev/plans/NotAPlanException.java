package dev.plandev.plans;

import java.nio.file.Path;

/**
 * The path a command was given is not a plan it can use: no such file, binary data instead of
 * Markdown, or a file where a folder of plans was expected. Changing the command fixes it.
 */
public final class NotAPlanException extends PlanFileException {
  private static final long serialVersionUID = 1L;

  NotAPlanException(String message, Path path) {
    super(message, path, null);
  }
}
