package dev.plandev.defaults.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plandev.defaults.model.Change;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.model.UsageEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Rows of the audit trail and of the usage events as JSON lines, one row a line with its id and its
 * time in epoch milliseconds: the files of an incremental backup.
 */
final class LogRows {
  static final String CHANGES = "changes.jsonl.zst";
  static final String USAGE = "usage_events.jsonl.zst";

  private static final ObjectMapper JSON = new ObjectMapper();

  private LogRows() {}

  static void write(Writer out, Change c) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", c.id());
    n.put("entity", c.entity());
    if (c.entityId() == null) {
      n.putNull("entityId");
    } else {
      n.put("entityId", c.entityId());
    }
    n.put("key", c.key());
    n.put("operation", c.operation());
    n.put("old", c.oldValue());
    n.put("new", c.newValue());
    n.put("actor", c.actor());
    n.put("correlationId", c.correlationId());
    n.put("at", c.at().toEpochMilli());
    out.write(JSON.writeValueAsString(n));
    out.write('\n');
  }

  static void write(Writer out, UsageEvent u) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", u.id());
    n.put("key", u.key());
    n.put("context", u.context().toJson());
    n.put("value", u.value());
    n.put("outcome", u.outcome().wireName());
    n.put("suggested", u.suggested());
    n.put("at", u.at().toEpochMilli());
    n.put("source", u.source());
    out.write(JSON.writeValueAsString(n));
    out.write('\n');
  }

  static void readChanges(BufferedReader in, Consumer<Change> to) throws IOException {
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      JsonNode n = JSON.readTree(line);
      to.accept(
          new Change(
              n.get("id").asLong(),
              n.get("entity").asText(),
              n.get("entityId").isNull() ? null : n.get("entityId").asLong(),
              text(n, "key"),
              n.get("operation").asText(),
              text(n, "old"),
              text(n, "new"),
              n.get("actor").asText(),
              text(n, "correlationId"),
              Instant.ofEpochMilli(n.get("at").asLong())));
    }
  }

  static void readUsage(BufferedReader in, Consumer<UsageEvent> to) throws IOException {
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      JsonNode n = JSON.readTree(line);
      to.accept(
          new UsageEvent(
              n.get("id").asLong(),
              n.get("key").asText(),
              Context.parse(n.get("context").asText()),
              n.get("value").asText(),
              Outcome.parse(n.get("outcome").asText()),
              text(n, "suggested"),
              Instant.ofEpochMilli(n.get("at").asLong()),
              text(n, "source")));
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
