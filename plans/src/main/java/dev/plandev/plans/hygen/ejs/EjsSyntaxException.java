package dev.plandev.plans.hygen.ejs;

import dev.plandev.plans.generate.GenerateException;

/** An EJS template whose tags do not pair up; the message names the file and line. */
public final class EjsSyntaxException extends GenerateException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final String problem;

  EjsSyntaxException(String file, int line, String problem) {
    super(file + ":" + line + ": " + problem);
    this.line = line;
    this.problem = problem;
  }

  /** The line of the compiled text (1-based) where the unclosed tag opens. */
  public int line() {
    return line;
  }

  /** What is wrong, without the place. */
  public String problem() {
    return problem;
  }
}
