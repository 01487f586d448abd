package dev.plandev.plans.hygen.script;

import dev.plandev.plans.generate.GenerateException;
import org.mozilla.javascript.RhinoException;

/**
 * A template's JavaScript that failed to parse or threw; the message names the file and line when
 * the engine knows them.
 */
public final class ScriptFailureException extends GenerateException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String problem;

  ScriptFailureException(String problem) {
    this(null, 0, problem);
  }

  private ScriptFailureException(String file, int line, String problem) {
    super(file == null ? problem : file + (line > 0 ? ":" + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
    this.problem = problem;
  }

  static ScriptFailureException of(RhinoException e, String fallbackFile) {
    if (e.getCause() instanceof ScriptFailureException inner) {
      return inner;
    }
    if (e instanceof org.mozilla.javascript.WrappedException wrapped
        && wrapped.getWrappedException() instanceof ScriptFailureException inner) {
      return inner;
    }
    String file = e.sourceName() != null ? e.sourceName() : fallbackFile;
    return new ScriptFailureException(file, e.lineNumber(), e.details());
  }

  /** The file the engine reported, or null. */
  public String file() {
    return file;
  }

  /** The line the engine reported in {@link #file}, or 0. */
  public int line() {
    return line;
  }

  /** The same failure placed at another file and line (a template's, for compiled EJS). */
  public ScriptFailureException at(String templateFile, int templateLine) {
    return new ScriptFailureException(templateFile, templateLine, problem);
  }
}
