package dev.plandev.plans.hygen.ejs;

/**
 * A compiled EJS template: the source of a JavaScript function expression {@code (locals, escapeFn)
 * => string}, and for each line of that source (1-based) the template line it came from.
 */
public record CompiledTemplate(String functionSource, int[] templateLines) {

  /** The template line of a line of {@link #functionSource}, or 0 when it is outside. */
  public int templateLine(int sourceLine) {
    if (sourceLine < 1 || sourceLine > templateLines.length) {
      return sourceLine == templateLines.length + 1 && sourceLine > 1
          ? templateLines[templateLines.length - 1]
          : 0;
    }
    return templateLines[sourceLine - 1];
  }
}
