package dev.plandev.plans.hygen.ejs;

import dev.plandev.plans.generate.GenerateException;

/** An EJS template whose tags do not pair up; the message names the file and line. */
public final class EjsSyntaxException extends GenerateException {
  private static final long serialVersionUID = 1L;

  EjsSyntaxException(String file, int line, String problem) {
    super(file + ":" + line + ": " + problem);
  }
}
