package dev.plandev.defaults.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.StorageException;
import dev.plandev.defaults.security.SecretCipher;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-encrypts, inside one transaction, every secret token made with a retired key: the values and
 * the audit snapshots that hold them, so that the retired key can be destroyed afterwards.
 */
final class KeyRotation {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final SecretCipher cipher;
  private final Transactions transactions;
  private final AuditTrail audit;

  KeyRotation(SecretCipher cipher, Transactions transactions, AuditTrail audit) {
    this.cipher = cipher;
    this.transactions = transactions;
    this.audit = audit;
  }

  /**
   * Makes a new key the active one and re-encrypts everything made with the others; returns how
   * many values were re-encrypted. The retired keys are destroyed only once that has committed.
   */
  int rotate(Actor actor) {
    List<String> retired = cipher.beginRotation();
    int count =
        transactions.write(
            "re-encrypt secrets", WriteGroups.MAX_GROUP, tx -> reencrypt(tx, actor, retired));
    cipher.finishRotation();
    return count;
  }

  private int reencrypt(Tx tx, Actor actor, List<String> retiredKeys) throws SQLException {
    int values = reencryptValues(tx);
    int snapshots = reencryptSnapshots(tx);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("activeKey", cipher.activeKeyId());
    summary.put("retiredKeys", retiredKeys);
    summary.put("values", values);
    summary.put("auditSnapshots", snapshots);
    audit.record(tx, "secret_key", null, "rotate", null, json(summary), actor);
    return values;
  }

  private int reencryptValues(Tx tx) throws SQLException {
    int values = 0;
    PreparedStatement select =
        tx.prepare("SELECT id, key, context, value FROM default_values WHERE is_secret = TRUE");
    List<Object[]> rows = new ArrayList<>();
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)});
      }
    }
    PreparedStatement update = tx.prepare("UPDATE default_values SET value = ? WHERE id = ?");
    for (Object[] r : rows) {
      String token = (String) r[3];
      if (cipher.isStale(token)) {
        String aad = SecretCipher.aad((String) r[1], Context.parse((String) r[2]));
        update.setString(1, cipher.encrypt(cipher.decrypt(token, aad), aad));
        update.setLong(2, (Long) r[0]);
        update.executeUpdate();
        values++;
      }
    }
    return values;
  }

  private static String json(Map<String, Object> summary) {
    try {
      return MAPPER.writeValueAsString(summary);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private int reencryptSnapshots(Tx tx) throws SQLException {
    PreparedStatement select =
        tx.prepare(
            "SELECT id, old_value, new_value FROM changes WHERE entity = 'default_value'"
                + " AND (old_value LIKE '%enc:v1:%' OR new_value LIKE '%enc:v1:%')");
    List<Object[]> rows = new ArrayList<>();
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)});
      }
    }
    PreparedStatement update =
        tx.prepare("UPDATE changes SET old_value = ?, new_value = ? WHERE id = ?");
    int n = 0;
    for (Object[] r : rows) {
      String oldV = rewrite((String) r[1]);
      String newV = rewrite((String) r[2]);
      if (!java.util.Objects.equals(oldV, r[1]) || !java.util.Objects.equals(newV, r[2])) {
        update.setString(1, oldV);
        update.setString(2, newV);
        update.setLong(3, (Long) r[0]);
        update.executeUpdate();
        n++;
      }
    }
    return n;
  }

  private String rewrite(String snapshot) {
    if (snapshot == null || !snapshot.contains(SecretCipher.PREFIX)) {
      return snapshot;
    }
    try {
      ObjectNode node = (ObjectNode) MAPPER.readTree(snapshot);
      String token = node.path("value").asText();
      if (!SecretCipher.isToken(token) || !cipher.isStale(token)) {
        return snapshot;
      }
      Map<String, String> ctx = new LinkedHashMap<>();
      JsonNode c = node.path("context");
      c.fields().forEachRemaining(e -> ctx.put(e.getKey(), e.getValue().asText()));
      String aad = SecretCipher.aad(node.path("key").asText(), Context.of(ctx));
      node.put("value", cipher.encrypt(cipher.decrypt(token, aad), aad));
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new StorageException(
          "an audit snapshot is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
