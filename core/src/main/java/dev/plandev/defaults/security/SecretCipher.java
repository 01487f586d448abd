package dev.plandev.defaults.security;

import dev.plandev.defaults.model.Context;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secret values with AES-256-GCM under a key ring whose first key is the active one.
 *
 * <p>A token reads {@code enc:v1:<key id>:<base64(iv || ciphertext || tag)>}. The key id (the first
 * 8 hex digits of the key's SHA-256) lets old tokens be read after a rotation and tells which rows
 * still need re-encryption. The associated data binds a token to its key and context, so a
 * ciphertext copied onto another entry does not decrypt.
 *
 * <p>Keys come either from {@code security.encryptionKey} (base64, several separated by commas,
 * active first) or from the key file, created with owner-only permissions the first time a secret
 * is written.
 */
public final class SecretCipher {
  public static final String PREFIX = "enc:v1:";
  static final Pattern TOKEN = Pattern.compile("enc:v1:[0-9a-f]{8}:[A-Za-z0-9+/=]+");
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private record Key(String id, byte[] bytes) {}

  private final String configuredKeys;
  private final Path keyFile;
  private final SecureRandom random = new SecureRandom();
  private List<Key> ring;

  public SecretCipher(String configuredKeys, Path keyFile) {
    this.configuredKeys = configuredKeys == null ? "" : configuredKeys.trim();
    this.keyFile = keyFile;
  }

  public static boolean isToken(String value) {
    return value != null && value.startsWith(PREFIX);
  }

  public static String aad(String key, Context context) {
    return key + '\u0000' + context.toJson();
  }

  public synchronized String encrypt(String plaintext, String aad) {
    Key k = ring(true).get(0);
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(k.bytes(), "AES"),
          new GCMParameterSpec(TAG_BITS, iv));
      c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
      byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + ct.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(ct, 0, out, iv.length, ct.length);
      return PREFIX + k.id() + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new SecretKeyException("cannot encrypt with AES-256-GCM: " + e.getMessage(), e);
    }
  }

  public synchronized String decrypt(String token, String aad) {
    if (!isToken(token) || token.length() < PREFIX.length() + 10) {
      throw new SecretKeyException(
          "stored secret is not an encrypted token; was the row edited by hand?");
    }
    String id = token.substring(PREFIX.length(), PREFIX.length() + 8);
    Key k =
        ring(false).stream()
            .filter(x -> x.id().equals(id))
            .findFirst()
            .orElseThrow(() -> missingKey(id));
    try {
      byte[] all = Base64.getDecoder().decode(token.substring(PREFIX.length() + 9));
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(k.bytes(), "AES"),
          new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
      return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new SecretKeyException(
          "cannot decrypt a secret with key " + id + ": the token or its key/context was altered",
          e);
    }
  }

  /** True when the token was made with a key other than the active one. */
  public synchronized boolean isStale(String token) {
    return !token.startsWith(PREFIX + ring(true).get(0).id() + ":");
  }

  public synchronized String activeKeyId() {
    return ring(true).get(0).id();
  }

  /**
   * The ids of the keys this cipher can decrypt with, active first; empty when there is no key yet
   * (asking never creates one).
   */
  public synchronized List<String> keyIds() {
    return ring(false).stream().map(Key::id).toList();
  }

  /** Where the key file is read from (whether or not it exists). */
  public Path keyFile() {
    return keyFile;
  }

  /**
   * Starts a rotation: a new key becomes active while the old ones stay readable. With configured
   * keys there is nothing to generate: the operator put the new key first.
   *
   * @return the ids of the keys that were active or retired before
   */
  public synchronized List<String> beginRotation() {
    if (!configuredKeys.isEmpty()) {
      if (ring(false).size() < 2) {
        throw new SecretKeyException(
            "the encryption key comes from security.encryptionKey (PLANDEV_SECURITY_ENCRYPTION_KEY);"
                + " to rotate, set it to NEW_KEY,OLD_KEY (base64, new first), run rotate-key,"
                + " then remove OLD_KEY");
      }
      return ring.subList(1, ring.size()).stream().map(Key::id).toList();
    }
    List<Key> old = new ArrayList<>(ring(true));
    List<Key> next = new ArrayList<>();
    next.add(newKey());
    next.addAll(old);
    writeKeyFile(next);
    ring = next;
    return old.stream().map(Key::id).toList();
  }

  /** Ends a rotation once every token uses the active key: retired keys leave the key file. */
  public synchronized void finishRotation() {
    if (configuredKeys.isEmpty() && ring.size() > 1) {
      List<Key> only = List.of(ring.get(0));
      writeKeyFile(only);
      ring = only;
    }
  }

  private SecretKeyException missingKey(String id) {
    return new SecretKeyException(
        "a secret is encrypted with key "
            + id
            + " which is not in "
            + (configuredKeys.isEmpty() ? "the key file " + keyFile : "security.encryptionKey")
            + "; restore that key (or the key file) to read it");
  }

  private List<Key> ring(boolean createIfMissing) {
    if (ring != null) {
      return ring;
    }
    if (!configuredKeys.isEmpty()) {
      List<Key> keys = new ArrayList<>();
      for (String part : configuredKeys.split(",")) {
        keys.add(parseKey(part.trim(), "security.encryptionKey"));
      }
      ring = keys;
      return ring;
    }
    if (Files.exists(keyFile)) {
      ring = readKeyFile();
      return ring;
    }
    if (!createIfMissing) {
      return List.of();
    }
    List<Key> fresh = List.of(newKey());
    writeKeyFile(fresh);
    ring = fresh;
    return ring;
  }

  private Key newKey() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return new Key(idOf(b), b);
  }

  private static Key parseKey(String base64, String where) {
    byte[] b;
    try {
      b = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      b = new byte[0];
    }
    if (b.length != 32) {
      throw new SecretKeyException(
          where
              + " must hold base64 keys of 32 bytes (make one with: openssl rand -base64 32); got "
              + b.length
              + " bytes");
    }
    return new Key(idOf(b), b);
  }

  private static String idOf(byte[] key) {
    return Fingerprint.sha256Hex(key, 4);
  }

  private List<Key> readKeyFile() {
    try {
      List<Key> keys = new ArrayList<>();
      for (String line : Files.readAllLines(keyFile, StandardCharsets.UTF_8)) {
        String t = line.trim();
        if (!t.isEmpty() && !t.startsWith("#")) {
          keys.add(parseKey(t, "key file " + keyFile));
        }
      }
      if (keys.isEmpty()) {
        throw new SecretKeyException(
            "key file " + keyFile + " holds no key; restore it from backup");
      }
      return keys;
    } catch (IOException e) {
      throw new SecretKeyException("cannot read key file " + keyFile + ": " + e.getMessage(), e);
    }
  }

  /** Writes the key file atomically with owner-only permissions, active key first. */
  private void writeKeyFile(List<Key> keys) {
    StringBuilder b =
        new StringBuilder("# plandev secret keys (AES-256), active first; keep private\n");
    for (Key k : keys) {
      b.append(Base64.getEncoder().encodeToString(k.bytes())).append('\n');
    }
    try {
      Path dir = keyFile.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = dir.resolve(keyFile.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            tmp,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(tmp);
      }
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8)));
        ch.force(true);
      }
      try {
        Files.move(
            tmp, keyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, keyFile, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new SecretKeyException("cannot write key file " + keyFile + ": " + e.getMessage(), e);
    }
  }
}
