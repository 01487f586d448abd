package dev.plandev.defaults.store;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * A database failure caused by where the data lives rather than by the request: a full disk, a
 * read-only or unopenable file, a damaged file, an unreachable server. It is told in plain words
 * with what to do, because the driver's own words ("cannot commit - no transaction is active",
 * "[SQLITE_IOERR_WRITE]") tell a person nothing about the disk.
 */
final class StorageFault {
  /** What kind of trouble the storage is in. */
  enum Kind {
    FULL,
    READ_ONLY,
    CANNOT_OPEN,
    DISK_ERROR,
    DAMAGED,
    UNREACHABLE,
    REFUSED_LOGIN
  }

  // SQLite's primary result codes (https://sqlite.org/rescode.html).
  private static final int SQLITE_READONLY = 8;
  private static final int SQLITE_IOERR = 10;
  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_FULL = 13;
  private static final int SQLITE_CANTOPEN = 14;
  private static final int SQLITE_NOTADB = 26;

  private final Kind kind;
  private final String explanation;

  private StorageFault(Kind kind, String explanation) {
    this.kind = kind;
    this.explanation = explanation;
  }

  Kind kind() {
    return kind;
  }

  /** What is wrong, in words safe for any client: no file path, no server address. */
  String publicReason() {
    return switch (kind) {
      case FULL -> "the disk holding the database is full";
      case READ_ONLY -> "the database is read-only";
      case CANNOT_OPEN -> "the database file cannot be opened";
      case DISK_ERROR -> "the disk reports errors reading or writing the database";
      case DAMAGED -> "the database file is damaged";
      case UNREACHABLE -> "the database server cannot be reached";
      case REFUSED_LOGIN -> "the database server refused the service's login";
    };
  }

  /** What is wrong and what to do, naming the file or the masked server address. */
  String explanation() {
    return explanation;
  }

  /**
   * The storage fault behind {@code failure} (searched through its causes), or null when the
   * failure is not the storage's (a constraint, a bug, a busy database).
   *
   * @param file the SQLite database file; null for PostgreSQL
   * @param server the PostgreSQL address with its credentials masked; null for SQLite
   */
  static StorageFault of(Throwable failure, Path file, String server) {
    return of(failure, file, server, 0);
  }

  /** Searches causes and suppressed failures (an earlier work's in the same transaction). */
  private static StorageFault of(Throwable failure, Path file, String server, int depth) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql) {
        StorageFault fault = file != null ? sqlite(sql, file) : postgres(sql, server);
        if (fault != null) {
          return fault;
        }
      }
      for (Throwable s : depth < 2 ? t.getSuppressed() : new Throwable[0]) {
        StorageFault fault = of(s, file, server, depth + 1);
        if (fault != null) {
          return fault;
        }
      }
    }
    return null;
  }

  private static StorageFault sqlite(SQLException e, Path file) {
    if (!(e instanceof org.sqlite.SQLiteException)) {
      return null;
    }
    return switch (e.getErrorCode() & 0xff) {
      case SQLITE_FULL ->
          new StorageFault(
              Kind.FULL,
              "the disk holding the database file "
                  + file
                  + " is full: free space on that disk, or move the data directory to another disk"
                  + " with --data DIR");
      case SQLITE_READONLY ->
          new StorageFault(
              Kind.READ_ONLY,
              "the database file "
                  + file
                  + " is read-only: make the file and its directory writable by the user running"
                  + " plandev (and check that the disk is not mounted read-only), or move the data"
                  + " directory with --data DIR");
      case SQLITE_IOERR ->
          new StorageFault(
              Kind.DISK_ERROR,
              "the disk failed to read or write the database file "
                  + file
                  + ": the file may have become read-only or immutable, or the disk is failing; make"
                  + " the file and its directory writable, check the disk, or move the data directory"
                  + " with --data DIR");
      case SQLITE_CANTOPEN ->
          new StorageFault(
              Kind.CANNOT_OPEN,
              "cannot open the database file "
                  + file
                  + ": check that it is a file (not a directory) and that it and its directory are"
                  + " readable and writable by the user running plandev, or choose another place with"
                  + " --data DIR");
      case SQLITE_CORRUPT, SQLITE_NOTADB ->
          new StorageFault(
              Kind.DAMAGED,
              "the database file "
                  + file
                  + " is damaged or is not a plandev database: restore it from a backup, or move it"
                  + " aside to start over with an empty store");
      default -> null;
    };
  }

  private static StorageFault postgres(SQLException e, String server) {
    String state = e.getSQLState();
    if (state == null) {
      return null;
    }
    if (state.equals("53100")) {
      return new StorageFault(
          Kind.FULL,
          "the disk of the PostgreSQL server " + server + " is full: free space on that server");
    }
    if (state.equals("25006")) {
      return new StorageFault(
          Kind.READ_ONLY,
          "the PostgreSQL server "
              + server
              + " accepts no writes (a read-only standby, or default_transaction_read_only is on):"
              + " point postgres.url at the primary server");
    }
    if (state.startsWith("28")) {
      return new StorageFault(
          Kind.REFUSED_LOGIN,
          "the PostgreSQL server "
              + server
              + " refused the login: check postgres.user and postgres.password");
    }
    if (state.startsWith("08") || state.startsWith("57P")) {
      return new StorageFault(
          Kind.UNREACHABLE,
          "the PostgreSQL server "
              + server
              + " is unreachable: check that it is running and that postgres.url points at it");
    }
    return null;
  }
}
