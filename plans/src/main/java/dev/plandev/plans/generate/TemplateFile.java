package dev.plandev.plans.generate;

/**
 * One file of a template folder: a front matter whose {@code to:} names the output path, and a
 * body; both are templates rendered with the answers.
 *
 * @param name the file's name in its folder, for messages
 * @param frontMatter the YAML between the two {@code ---} lines, not yet rendered
 * @param body the text after the front matter, not yet rendered
 */
record TemplateFile(String name, String frontMatter, String body) {

  /**
   * Splits a template file into front matter and body.
   *
   * @throws TemplateFormatException when the file does not start with a {@code ---} front matter
   */
  static TemplateFile parse(String where, String name, String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    String[] lines = t.split("\n", -1);
    if (lines.length == 0 || !lines[0].strip().equals("---")) {
      throw new TemplateFormatException(
          where, "must start with a front matter ('---', 'to: <output path>', '---')");
    }
    StringBuilder front = new StringBuilder();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].strip().equals("---")) {
        StringBuilder body = new StringBuilder();
        for (int j = i + 1; j < lines.length; j++) {
          body.append(lines[j]);
          if (j < lines.length - 1) {
            body.append('\n');
          }
        }
        return new TemplateFile(name, front.toString(), body.toString());
      }
      front.append(lines[i]).append('\n');
    }
    throw new TemplateFormatException(where, "front matter is not closed by a '---' line");
  }
}
