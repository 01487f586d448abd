package dev.plandev.defaults.store;

import dev.plandev.defaults.model.Context;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed contexts by their canonical JSON, so each distinct context is parsed once. When full it
 * starts afresh: cheaper than an LRU, and the working set of contexts is small.
 */
final class ContextTable {
  private final int capacity;
  private final ConcurrentHashMap<String, Context> parsed = new ConcurrentHashMap<>();

  ContextTable(int capacity) {
    this.capacity = capacity;
  }

  Context parse(String json) {
    Context c = parsed.get(json);
    if (c == null) {
      c = Context.parse(json);
      if (parsed.size() >= capacity) {
        parsed.clear();
      }
      parsed.put(json, c);
    }
    return c;
  }
}
