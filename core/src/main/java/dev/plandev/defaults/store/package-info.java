/**
 * The durable store of defaults, their audit trail, usage events and API keys, on SQLite or
 * PostgreSQL through plain JDBC: schema migrations, transactions, group commit, and the feed of
 * writes made by other processes on the same database (read from SQLite, heard from PostgreSQL).
 *
 * <p>{@link dev.plandev.defaults.store.JdbcDefaultsStore#open} is the way in; everything that
 * speaks SQL lives here and stays package-private.
 */
package dev.plandev.defaults.store;
