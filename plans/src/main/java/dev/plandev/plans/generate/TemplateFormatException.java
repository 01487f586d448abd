package dev.plandev.plans.generate;

/** A template folder that cannot be used: bad prompts file, missing front matter, bad syntax. */
public final class TemplateFormatException extends GenerateException {
  private static final long serialVersionUID = 1L;

  TemplateFormatException(String where, String problem) {
    super(where + ": " + problem);
  }

  TemplateFormatException(String where, String problem, Throwable cause) {
    super(where + ": " + problem, cause);
  }
}
