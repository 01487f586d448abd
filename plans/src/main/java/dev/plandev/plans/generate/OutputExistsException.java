package dev.plandev.plans.generate;

import java.nio.file.Path;

/** A file the template would write already exists and {@code --force} was not given. */
public final class OutputExistsException extends GenerateException {
  private static final long serialVersionUID = 1L;

  OutputExistsException(Path file) {
    super(
        "'"
            + file
            + "' already exists: nothing was written; choose another title or version, or pass"
            + " --force to overwrite it (the answers are kept: add --resume to reuse them)");
  }
}
