package dev.plandev.defaults.store;

import java.sql.SQLException;

/**
 * A unit of database work, run inside a transaction that {@link Transactions} opens, commits or
 * rolls back around it.
 */
interface Work<T> {
  T run(Tx tx) throws SQLException;
}
