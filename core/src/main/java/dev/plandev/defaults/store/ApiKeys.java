package dev.plandev.defaults.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.EntryNotFoundException;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.Texts;
import dev.plandev.defaults.security.ApiKey;
import dev.plandev.defaults.security.Fingerprint;
import dev.plandev.defaults.security.Role;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The API keys of the HTTP service: created with a role, shown once, stored as a hash, revocable.
 *
 * <p>Authentication results are kept in memory for a few seconds so a busy service does not read
 * the table on every request; a revocation in this process clears them at once, one made by another
 * process takes effect within {@link #CACHE_MILLIS} ms. A secret found unknown is remembered (by
 * its hash, at most {@link #UNKNOWN_BOUND} of them) for {@link #UNKNOWN_MILLIS} ms, so repeating a
 * wrong guess costs no query; creating a key forgets its own hash there. A key's last use is
 * recorded to the minute, in the background ({@link LastUsedTimes}).
 */
public final class ApiKeys {
  static final long CACHE_MILLIS = 5_000;
  static final long UNKNOWN_MILLIS = 60_000;
  static final int UNKNOWN_BOUND = 10_000;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  private static final Pattern SECRET = Pattern.compile("pdk_[A-Za-z0-9]{32}");
  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  /** A key just created: the only moment its secret text exists outside the caller. */
  public record Created(ApiKey key, String secret) {}

  private record Cached(ApiKey key, long until) {}

  private static final String COLUMNS =
      "id, name, role, key_prefix, created_at, last_used, revoked_at";

  private final Transactions transactions;
  private final AuditTrail audit;
  private final SecureRandom random = new SecureRandom();
  private final ConcurrentHashMap<String, Cached> recent = new ConcurrentHashMap<>();
  // Guessed secrets are chosen by clients: bounded.
  private final Cache<String, Long> unknownUntil =
      Caffeine.newBuilder().maximumSize(UNKNOWN_BOUND).build();

  private final LastUsedTimes lastUsed;

  ApiKeys(Transactions transactions, AuditTrail audit) {
    this.transactions = transactions;
    this.audit = audit;
    this.lastUsed = new LastUsedTimes(transactions);
  }

  /**
   * Creates a key; the returned secret is not stored and cannot be shown again.
   *
   * @throws InvalidInputException for a bad or taken name
   */
  public Created create(String name, Role role, Actor actor) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidInputException(
          "name",
          "must be 1 to 64 characters of A-Z a-z 0-9 . _ @ -; got '" + Texts.truncate(name) + "'");
    }
    String secret = newSecret();
    return new Created(register(name, role, secret, actor), secret);
  }

  /**
   * Makes sure {@code secret}, a key the operator made and holds (the service's {@code
   * security.adminKey}), is an active admin key: registers its hash under the name {@code
   * configured-} and the start of that hash, unless it is already active. Several instances may do
   * this at once: the one that loses the race finds the key registered.
   *
   * @throws InvalidInputException when the secret is not a plandev key ({@code pdk_} and 32 letters
   *     or digits), or when it was registered once and revoked since
   */
  public ApiKey ensureConfigured(String secret, Actor actor) {
    Optional<ApiKey> active = authenticate(secret);
    if (active.isPresent()) {
      return active.get();
    }
    if (secret == null || !SECRET.matcher(secret).matches()) {
      throw new InvalidInputException(
          "security.adminKey",
          "must be pdk_ and 32 letters or digits, as plandev keys create prints");
    }
    String name = "configured-" + hash(secret).substring(0, 12);
    try {
      return register(name, Role.ADMIN, secret, actor);
    } catch (InvalidInputException taken) {
      unknownUntil.invalidate(hash(secret));
      return authenticate(secret)
          .orElseThrow(
              () ->
                  new InvalidInputException(
                      "security.adminKey",
                      "this key was registered as '"
                          + name
                          + "' and revoked since; configure a new key"));
    }
  }

  /** Stores a key's hash under {@code name}, audited; the name must be free. */
  private ApiKey register(String name, Role role, String secret, Actor actor) {
    long now = transactions.now().toEpochMilli();
    ApiKey created =
        transactions.write(
            "create API key " + name,
            tx -> {
              refuseTaken(tx, name);
              long id = insert(tx, name, role, secret, now);
              ApiKey key =
                  new ApiKey(
                      id, name, role, secret.substring(0, 8), transactions.now(), null, null);
              audit.record(
                  tx,
                  AuditTrail.API_KEY,
                  id,
                  "create",
                  null,
                  "{\"name\":\"" + name + "\",\"role\":\"" + role.wireName() + "\"}",
                  actor);
              return key;
            });
    unknownUntil.invalidate(hash(secret));
    return created;
  }

  private String newSecret() {
    StringBuilder b = new StringBuilder("pdk_");
    for (int i = 0; i < 32; i++) {
      b.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return b.toString();
  }

  private static void refuseTaken(Tx tx, String name) throws SQLException {
    PreparedStatement exists = tx.prepare("SELECT id FROM api_keys WHERE name = ?");
    exists.setString(1, name);
    try (ResultSet rs = exists.executeQuery()) {
      if (rs.next()) {
        throw new InvalidInputException(
            "name", "a key named '" + name + "' exists; revoke it or choose another name");
      }
    }
  }

  /** Stores the key's hash and prefix, never the secret itself; returns its id. */
  private static long insert(Tx tx, String name, Role role, String secret, long now)
      throws SQLException {
    PreparedStatement ps =
        tx.prepare(
            "INSERT INTO api_keys (name, role, key_hash, key_prefix, created_at)"
                + " VALUES (?, ?, ?, ?, ?) RETURNING id");
    ps.setString(1, name);
    ps.setString(2, role.wireName());
    ps.setString(3, hash(secret));
    ps.setString(4, secret.substring(0, 8));
    ps.setLong(5, now);
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Every key, revoked ones included, oldest first. */
  public List<ApiKey> list() {
    return transactions.read(
        "list API keys",
        tx -> {
          List<ApiKey> out = new ArrayList<>();
          try (ResultSet rs =
              tx.prepare("SELECT " + COLUMNS + " FROM api_keys ORDER BY id").executeQuery()) {
            while (rs.next()) {
              out.add(read(rs));
            }
          }
          return out;
        });
  }

  /** True when at least one key can still be used. */
  public boolean anyActive() {
    return list().stream().anyMatch(k -> !k.revoked());
  }

  /**
   * Revokes the key a person named: {@code id:3}, {@code name:ci-bot}, or a plain value that is the
   * id or the name of exactly one key (see {@link KeyReference}).
   *
   * @throws EntryNotFoundException when no such key exists
   * @throws InvalidInputException when the reference is malformed or matches two keys
   */
  public ApiKey revoke(String reference, Actor actor) {
    KeyReference ref = KeyReference.parse(reference);
    ApiKey revoked =
        transactions.write(
            "revoke API key " + reference,
            tx -> {
              PreparedStatement ps =
                  tx.prepare(
                      "SELECT " + COLUMNS + " FROM api_keys WHERE id = ? OR name = ? ORDER BY id");
              ps.setLong(1, ref.id());
              ps.setString(2, ref.name());
              List<ApiKey> candidates = new ArrayList<>();
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  candidates.add(read(rs));
                }
              }
              ApiKey key = ref.pick(candidates);
              PreparedStatement up = tx.prepare("UPDATE api_keys SET revoked_at = ? WHERE id = ?");
              up.setLong(1, transactions.now().toEpochMilli());
              up.setLong(2, key.id());
              up.executeUpdate();
              audit.record(
                  tx,
                  AuditTrail.API_KEY,
                  key.id(),
                  "revoke",
                  null,
                  "{\"name\":\"" + key.name() + "\"}",
                  actor);
              return key;
            });
    recent.clear();
    return revoked;
  }

  /** The active key with this secret, if any. */
  public Optional<ApiKey> authenticate(String secret) {
    if (secret == null || !secret.startsWith("pdk_") || secret.length() > 100) {
      return Optional.empty();
    }
    String h = hash(secret);
    long now = transactions.now().toEpochMilli();
    Cached c = recent.get(h);
    if (c != null && c.until() > now) {
      lastUsed.used(c.key().id(), now);
      return Optional.of(c.key());
    }
    Long refused = unknownUntil.getIfPresent(h);
    if (refused != null && refused > now) {
      return Optional.empty();
    }
    ApiKey key =
        transactions.read(
            "check an API key",
            tx -> {
              PreparedStatement ps =
                  tx.prepare(
                      "SELECT "
                          + COLUMNS
                          + " FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL");
              ps.setString(1, h);
              try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(rs) : null;
              }
            });
    if (key == null) {
      recent.remove(h);
      unknownUntil.put(h, now + UNKNOWN_MILLIS);
      return Optional.empty();
    }
    recent.put(h, new Cached(key, now + CACHE_MILLIS));
    lastUsed.used(key.id(), now);
    return Optional.of(key);
  }

  /** Writes the last-used times noted so far now, instead of in the background. */
  void flushLastUsed() {
    lastUsed.flush();
  }

  /** Writes the last-used times still noted; the store calls it as it closes. */
  void close() {
    lastUsed.close();
  }

  private static ApiKey read(ResultSet rs) throws SQLException {
    return new ApiKey(
        rs.getLong(1),
        rs.getString(2),
        Role.parse(rs.getString(3)),
        rs.getString(4),
        EntryRows.instant(rs, 5),
        EntryRows.instant(rs, 6),
        EntryRows.instant(rs, 7));
  }

  /** The stored form of a key; a digest per thread, since every request checks a key. */
  static String hash(String secret) {
    return Fingerprint.sha256Hex(secret.getBytes(StandardCharsets.UTF_8), 32);
  }
}
