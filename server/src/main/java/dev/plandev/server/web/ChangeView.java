package dev.plandev.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plandev.defaults.model.Change;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import java.io.IOException;

/**
 * One row of the audit trail as the pages show it: when, who (the key's name), what was done, and
 * the value before and after; a secret's values stay masked (the trail holds them encrypted).
 */
record ChangeView(
    long id,
    String when,
    String actor,
    String operation,
    String entity,
    Long entityId,
    String key,
    String context,
    String before,
    String after,
    String correlationId) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static ChangeView of(Change c) {
    JsonNode before = snapshot(c.oldValue());
    JsonNode after = snapshot(c.newValue());
    JsonNode any = after != null ? after : before;
    String context = "";
    if (any != null && any.has("context")) {
      context = ContextText.format(Context.parse(any.get("context").toString()));
    }
    return new ChangeView(
        c.id(),
        EntryView.when(c.at()),
        c.actor(),
        c.operation(),
        c.entity(),
        c.entityId(),
        c.key() == null ? "" : c.key(),
        context,
        value(before),
        value(after),
        c.correlationId());
  }

  /** A snapshot's JSON, or null when there is none or it is not an entry's. */
  private static JsonNode snapshot(String json) {
    if (json == null) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(json);
      return n != null && n.isObject() ? n : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String value(JsonNode snapshot) {
    if (snapshot == null || !snapshot.has("value")) {
      return "";
    }
    if (snapshot.path("secret").asBoolean(false)) {
      return DefaultEntry.MASK;
    }
    return snapshot.get("value").asText();
  }
}
