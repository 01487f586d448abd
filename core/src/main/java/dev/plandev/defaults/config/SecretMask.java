package dev.plandev.defaults.config;

import java.util.regex.Pattern;

/**
 * Hides credentials inside text that is shown to people or clients: the password of a URL's user
 * part ({@code //user:pass@host}) and password-like query parameters ({@code ?password=…}), as in a
 * JDBC or Redis URL that a health report or {@code config show} would otherwise print.
 */
public final class SecretMask {
  /** What a hidden value is shown as. */
  public static final String MASK = "****";

  private static final Pattern USER_PASSWORD = Pattern.compile("(//[^/@:\\s]*:)[^@/\\s]*@");
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile(
          "([?&;](?:password|passwd|pwd|sslpassword|sslkeypassword|secret|token)=)[^&;\\s]*",
          Pattern.CASE_INSENSITIVE);

  private SecretMask() {}

  /** The text with every URL password replaced by {@link #MASK}; null stays null. */
  public static String inText(String text) {
    if (text == null) {
      return null;
    }
    String masked = USER_PASSWORD.matcher(text).replaceAll("$1" + MASK + "@");
    return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
  }
}
