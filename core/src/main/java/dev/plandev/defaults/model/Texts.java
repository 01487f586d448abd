package dev.plandev.defaults.model;

/** Small text routines shared by error messages, so bad input never floods a log or a screen. */
public final class Texts {
  static final int SHOWN = 40;

  private Texts() {}

  /** The value as shown in a message: at most {@value #SHOWN} characters, control chars escaped. */
  public static String truncate(String value) {
    if (value == null) {
      return "null";
    }
    String oneLine = value.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    return oneLine.length() <= SHOWN ? oneLine : oneLine.substring(0, SHOWN) + "…";
  }
}
