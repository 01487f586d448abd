package dev.plandev.defaults.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests as hex for the core module: API key hashes, encryption key ids, and stand-ins for
 * secret values in usage events (equal values give equal fingerprints, so the engine can still
 * learn which secret is chosen without the plaintext reaching the database).
 */
public final class Fingerprint {
  /** A digest per thread: looking one up costs more than hashing a short value. */
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
          });

  private Fingerprint() {}

  /** The fingerprint of a secret value: {@code sha256:} and the first 8 bytes of its digest. */
  public static String of(String value) {
    return "sha256:" + sha256Hex(value.getBytes(StandardCharsets.UTF_8), 8);
  }

  /** The first {@code bytes} bytes of the SHA-256 digest of {@code data}, in hex. */
  public static String sha256Hex(byte[] data, int bytes) {
    return HexFormat.of().formatHex(SHA256.get().digest(data), 0, bytes);
  }
}
