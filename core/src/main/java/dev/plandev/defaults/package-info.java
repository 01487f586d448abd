/**
 * The Smart Defaults engine's one way in: {@link dev.plandev.defaults.SmartDefaults} opens the
 * configured store behind its cache, wires the ranking engine to the usage events, and answers
 * resolve, predict and feedback.
 *
 * <p>The engine is built from concept packages that never call back into this one (a build rule
 * checks it): {@code model} (the vocabulary every other package speaks: entries, contexts,
 * predictions, the {@code DefaultsStore} interface, the exceptions), {@code store} (SQLite and
 * PostgreSQL through JDBC), {@code cache} (L1 in the process, L2 in Redis), {@code rank} (the
 * learned ranking model), {@code security} (secret cipher, fingerprints, roles), {@code exchange}
 * (import and export) and {@code config} (the validated configuration). The classes here besides
 * the facade are its package-private glue between ranking and storage.
 *
 * <p>A resolve goes {@code SmartDefaults} → {@code cache.CachedDefaultsStore} (L1, then Redis) →
 * {@code store.JdbcDefaultsStore} → the database.
 */
package dev.plandev.defaults;
