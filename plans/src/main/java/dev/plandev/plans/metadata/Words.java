package dev.plandev.plans.metadata;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Compares tag keys and values as people type them: case, accents and {@code _}/{@code -} aside.
 */
final class Words {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private Words() {}

  /** {@code "Priorité"} → {@code "priorite"}, {@code "In_Progress"} → {@code "in-progress"}. */
  static String plain(String text) {
    String bare =
        MARKS.matcher(Normalizer.normalize(text.strip(), Normalizer.Form.NFD)).replaceAll("");
    return bare.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
