package dev.plandev.server.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version of a plan file a page shows: the hex SHA-256 of its bytes, the same hash the plan
 * watcher reports, so a page can tell its own change from an outside one.
 */
final class PlanVersion {
  private PlanVersion() {}

  static String of(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
