package dev.plandev.plans.hygen.script;

/**
 * Rewrites the {@code const} declarations of a script as {@code let}, outside strings, template
 * literals, comments and regular expressions. Rhino refuses two things that Node accepts and that
 * templates do: {@code const} in {@code for (const x of ...)} and {@code for (const k in ...)}, and
 * a {@code const} named like a local inside EJS's {@code with (locals)} ("redeclaration of var").
 * Both work with {@code let}; the only loss is the error on reassigning a constant, which a
 * template that runs under hygen never does. Line breaks are kept, so error lines stay true.
 */
final class ConstDeclarations {
  private static final String KEYWORD = "const";

  private ConstDeclarations() {}

  static String rewrite(String source) {
    if (!source.contains(KEYWORD)) {
      return source;
    }
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    int n = source.length();
    char previousSignificant = ';';
    while (i < n) {
      char c = source.charAt(i);
      int end;
      if (c == '"' || c == '\'') {
        end = skipQuoted(source, i, c);
      } else if (c == '`') {
        end = skipTemplate(source, i);
      } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
        end = source.indexOf('\n', i);
        end = end < 0 ? n : end;
      } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
        end = source.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
      } else if (c == '/' && "(,=:[!&|?{};+-*%<>~^".indexOf(previousSignificant) >= 0) {
        end = skipRegex(source, i);
      } else if (Character.isJavaIdentifierStart(c)) {
        end = i;
        while (end < n && Character.isJavaIdentifierPart(source.charAt(end))) {
          end++;
        }
        String word = source.substring(i, end);
        boolean member = i > 0 && source.charAt(i - 1) == '.';
        out.append(KEYWORD.equals(word) && !member ? "let" : word);
        previousSignificant = 'a';
        i = end;
        continue;
      } else {
        end = i + 1;
      }
      out.append(source, i, end);
      if (!Character.isWhitespace(c)) {
        previousSignificant = c == '/' || c == '"' || c == '\'' || c == '`' ? 'a' : c;
      }
      i = end;
    }
    return out.toString();
  }

  private static int skipQuoted(String s, int start, char quote) {
    int i = start + 1;
    while (i < s.length() && s.charAt(i) != quote && s.charAt(i) != '\n') {
      i += s.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(s.length(), i + 1);
  }

  /** Skips a template literal, with the expressions inside {@code ${...}} taken as code. */
  private static int skipTemplate(String s, int start) {
    int i = start + 1;
    while (i < s.length() && s.charAt(i) != '`') {
      if (s.charAt(i) == '\\') {
        i += 2;
      } else if (s.charAt(i) == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
        int depth = 1;
        i += 2;
        while (i < s.length() && depth > 0) {
          char c = s.charAt(i);
          if (c == '`') {
            i = skipTemplate(s, i);
            continue;
          }
          if (c == '"' || c == '\'') {
            i = skipQuoted(s, i, c);
            continue;
          }
          depth += c == '{' ? 1 : c == '}' ? -1 : 0;
          i++;
        }
      } else {
        i++;
      }
    }
    return Math.min(s.length(), i + 1);
  }

  private static int skipRegex(String s, int start) {
    int i = start + 1;
    boolean inClass = false;
    while (i < s.length() && s.charAt(i) != '\n') {
      char c = s.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      } else if (c == '/' && !inClass) {
        return i + 1;
      }
      i++;
    }
    return Math.min(s.length(), i);
  }
}
