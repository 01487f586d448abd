package dev.plandev.mcp;

/** A value shown in an answer between quotes, clipped so that a 64 KiB value cannot flood it. */
final class Quoted {
  private static final int MAX = 200;

  private Quoted() {}

  static String of(String value) {
    return "\"" + Texts.clip(value, MAX) + "\"";
  }
}
