package dev.plandev.defaults.cache;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The invalidations this instance still owes Redis, and the text of the message that announces them
 * to the other instances.
 *
 * <p>A write always empties the local L1 at once; telling Redis (bumping the generations, then
 * publishing) can fail while Redis is down or the breaker is open. Such keys stay owed here, each
 * with the sequence number of its latest write, until a replay gets through: a replay removes a key
 * only if no newer write owes it again. Above {@value #MAX_OWED} keys the debt becomes "everything"
 * (one bump of the global generation), so that a long outage under writes cannot grow memory
 * without bound.
 *
 * <p>Message: the sender's instance id, a space, then {@code *} (everything) or the keys separated
 * by spaces (keys cannot hold a space).
 */
final class Invalidations {
  static final int MAX_OWED = 10_000;

  /** What a replay owes: keys with their sequence numbers, and whether everything is owed. */
  record Debt(List<String> keys, List<Long> sequences, boolean everything, long everythingSeq) {
    boolean isEmpty() {
      return keys.isEmpty() && !everything;
    }
  }

  /** An invalidation received from another instance. */
  record Message(String sender, boolean everything, Set<String> keys) {}

  private final ConcurrentHashMap<String, Long> owed = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong everythingOwed = new AtomicLong();
  private final AtomicLong everythingPaid = new AtomicLong();

  void owe(Set<String> keys) {
    for (String k : keys) {
      owed.put(k, sequence.incrementAndGet());
    }
    if (owed.size() > MAX_OWED) {
      oweEverything();
    }
  }

  void oweEverything() {
    everythingOwed.set(sequence.incrementAndGet());
  }

  boolean isEmpty() {
    return owed.isEmpty() && everythingOwed.get() <= everythingPaid.get();
  }

  int size() {
    return owed.size() + (everythingOwed.get() > everythingPaid.get() ? 1 : 0);
  }

  Debt debt() {
    long all = everythingOwed.get();
    List<String> keys = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    owed.forEach(
        (k, s) -> {
          keys.add(k);
          seqs.add(s);
        });
    boolean everything = all > everythingPaid.get();
    if (everything) {
      // Bumping the global generation settles every key owed before it.
      return new Debt(List.of(), List.of(), true, all);
    }
    return new Debt(keys, seqs, false, 0);
  }

  void paid(Debt debt) {
    if (debt.everything()) {
      everythingPaid.accumulateAndGet(debt.everythingSeq(), Math::max);
      owed.values().removeIf(s -> s < debt.everythingSeq());
      return;
    }
    for (int i = 0; i < debt.keys().size(); i++) {
      owed.remove(debt.keys().get(i), debt.sequences().get(i));
    }
  }

  static String message(String sender, Debt debt) {
    return sender + " " + (debt.everything() ? "*" : String.join(" ", debt.keys()));
  }

  /** The parsed message, or null when it is not one. */
  static Message parse(String text) {
    if (text == null) {
      return null;
    }
    String[] parts = text.split(" ");
    if (parts.length < 2 || parts[0].isEmpty()) {
      return null;
    }
    if (parts.length == 2 && parts[1].equals("*")) {
      return new Message(parts[0], true, Set.of());
    }
    Set<String> keys = ConcurrentHashMap.newKeySet();
    for (int i = 1; i < parts.length; i++) {
      if (!parts[i].isEmpty()) {
        keys.add(parts[i]);
      }
    }
    return new Message(parts[0], false, Collections.unmodifiableSet(keys));
  }
}
