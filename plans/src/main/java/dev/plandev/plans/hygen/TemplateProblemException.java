package dev.plandev.plans.hygen;

import dev.plandev.plans.generate.GenerateException;

/**
 * A hygen template, prompt file or generator that cannot be run as written; the message names the
 * file and, when known, the line.
 */
public class TemplateProblemException extends GenerateException {
  private static final long serialVersionUID = 1L;

  TemplateProblemException(String file, int line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem);
  }

  TemplateProblemException(String message) {
    super(message);
  }
}
