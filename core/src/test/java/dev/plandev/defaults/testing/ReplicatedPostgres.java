package dev.plandev.defaults.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL primary and its synchronous standby, made for one test on free ports of this machine
 * with the machine's {@code initdb} and {@code pg_basebackup}, in a temporary directory that {@link
 * #close()} deletes with both servers stopped, whatever the test did to them.
 *
 * <p>PostgreSQL refuses to run as root, and CI runs the tests as root: then every PostgreSQL
 * command runs as the {@code postgres} user ({@code runuser}), in a directory that user owns. The
 * standby is synchronous ({@code synchronous_standby_names}), so a commit the primary acknowledged
 * is on the standby too: promoting it loses no acknowledged write.
 */
public final class ReplicatedPostgres implements AutoCloseable {
  /** The database the servers hold besides {@code postgres}. */
  public static final String DATABASE = "db";

  private static final String STANDBY_NAME = "standby";
  private static final Duration COMMAND_LIMIT = Duration.ofSeconds(120);

  private final Path bin;
  private final Path dir;
  private final boolean asPostgresUser;
  private final int primaryPort;
  private final int standbyPort;
  private final Thread cleanupAtExit = new Thread(this::destroy, "replicated-postgres cleanup");

  private ReplicatedPostgres(Path bin, Path dir, boolean asPostgresUser, int primary, int standby) {
    this.bin = bin;
    this.dir = dir;
    this.asPostgresUser = asPostgresUser;
    this.primaryPort = primary;
    this.standbyPort = standby;
  }

  /**
   * Makes and starts the primary and its synchronous standby; skips the calling test (fails it in
   * CI) when the PostgreSQL server binaries are not installed.
   */
  public static ReplicatedPostgres start() throws IOException {
    Path bin = serverBinaries();
    Services.require(
        bin != null,
        "the PostgreSQL server binaries (initdb, pg_basebackup, pg_ctl under"
            + " /usr/lib/postgresql/*/bin) are not installed; install them with"
            + " apt-get install -y postgresql");
    boolean root = "root".equals(System.getProperty("user.name"));
    Services.require(
        !root || Files.isExecutable(Path.of("/usr/sbin/runuser")),
        "runuser is missing: PostgreSQL refuses to run as root, and the tests run the servers as"
            + " the postgres user with runuser (util-linux)");
    Path dir = Files.createTempDirectory("plandev-replicated-pg");
    ReplicatedPostgres pg = new ReplicatedPostgres(bin, dir, root, freePort(), freePort());
    Runtime.getRuntime().addShutdownHook(pg.cleanupAtExit);
    try {
      pg.build();
    } catch (IOException | RuntimeException e) {
      pg.close();
      throw e;
    }
    return pg;
  }

  /** The JDBC URL naming both servers, for a client that must find the primary by itself. */
  public String failoverUrl() {
    return "jdbc:postgresql://127.0.0.1:"
        + primaryPort
        + ",127.0.0.1:"
        + standbyPort
        + "/"
        + DATABASE
        + "?targetServerType=primary";
  }

  /** The JDBC URL of the standby alone, which holds every acknowledged write once promoted. */
  public String standbyUrl() {
    return "jdbc:postgresql://127.0.0.1:" + standbyPort + "/" + DATABASE;
  }

  /** The user of both servers (trust authentication, no password). */
  public String user() {
    return "postgres";
  }

  public int primaryPort() {
    return primaryPort;
  }

  public int standbyPort() {
    return standbyPort;
  }

  /**
   * Kills every process of the primary with SIGKILL, as a crashed machine leaves it: no shutdown,
   * no goodbye to its clients or its standby. Returns once none is left.
   */
  public void killPrimary() {
    ProcessHandle postmaster = postmaster(dir.resolve("primary")).orElseThrow();
    List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
    all.add(0, postmaster);
    all.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle p : all) {
      p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }
  }

  /** Promotes the standby to primary and returns once it accepts writes. */
  public void promoteStandby() {
    run("pg_ctl", "promote", "-w", "-t", "60", "-D", dir.resolve(STANDBY_NAME).toString());
  }

  private void build() throws IOException {
    if (asPostgresUser) {
      run(false, "chown", "postgres:", dir.toString());
    }
    Path primary = dir.resolve("primary");
    run(
        "initdb",
        "-D",
        primary.toString(),
        "-U",
        user(),
        "--auth=trust",
        "-E",
        "UTF8",
        "--no-sync");
    appendSettings(primary, primaryPort, "wal_level = replica", "max_wal_senders = 4");
    startServer(primary);
    execute(primaryPort, "postgres", "CREATE DATABASE " + DATABASE);
    Path standby = dir.resolve(STANDBY_NAME);
    run(
        "pg_basebackup",
        "-h",
        "127.0.0.1",
        "-p",
        Integer.toString(primaryPort),
        "-U",
        user(),
        "-D",
        standby.toString(),
        "-X",
        "stream",
        "--checkpoint=fast", // the default spreads its checkpoint over minutes
        "--no-sync");
    appendSettings(
        standby,
        standbyPort,
        "primary_conninfo = 'host=127.0.0.1 port="
            + primaryPort
            + " user="
            + user()
            + " application_name="
            + STANDBY_NAME
            + "'");
    Path signal = standby.resolve("standby.signal");
    Files.writeString(signal, "");
    chownToPostgres(signal);
    startServer(standby);
    // Synchronous only now: before the standby streams, every commit on the primary would wait.
    execute(
        primaryPort,
        "postgres",
        "ALTER SYSTEM SET synchronous_standby_names = '" + STANDBY_NAME + "'",
        "SELECT pg_reload_conf()");
    awaitSynchronousStandby();
  }

  private void appendSettings(Path dataDir, int port, String... more) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("# plandev failover test");
    lines.add("listen_addresses = '127.0.0.1'");
    lines.add("port = " + port);
    lines.add("unix_socket_directories = '" + dir + "'");
    lines.add("max_connections = 60");
    lines.add("shared_buffers = 16MB");
    lines.addAll(List.of(more));
    Files.write(
        dataDir.resolve("postgresql.conf"),
        lines,
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
  }

  private void startServer(Path dataDir) {
    run(
        "pg_ctl",
        "start",
        "-w",
        "-t",
        "60",
        "-D",
        dataDir.toString(),
        "-l",
        dataDir.resolveSibling(dataDir.getFileName() + ".log").toString());
  }

  private void awaitSynchronousStandby() {
    // pg_stat_replication sends no event: ask until the standby streams synchronously.
    org.awaitility.Awaitility.await("the standby streams synchronously; see " + dir)
        .atMost(COMMAND_LIMIT)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              try (Connection c = connect(primaryPort, "postgres");
                  Statement s = c.createStatement();
                  ResultSet rs =
                      s.executeQuery(
                          "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'"
                              + " AND application_name = '"
                              + STANDBY_NAME
                              + "'")) {
                rs.next();
                return rs.getInt(1) == 1;
              }
            });
  }

  private void execute(int port, String database, String... statements) {
    try (Connection c = connect(port, database);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + List.of(statements) + " on " + port, e);
    }
  }

  private Connection connect(int port, String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + database, user(), "");
  }

  private void chownToPostgres(Path file) {
    if (asPostgresUser) {
      run(false, "chown", "postgres:", file.toString());
    }
  }

  private void run(String program, String... args) {
    run(true, program, args);
  }

  /** Runs a PostgreSQL program ({@code postgresBinary}) or a system command, and waits for it. */
  private void run(boolean postgresBinary, String program, String... args) {
    List<String> command = new ArrayList<>();
    if (postgresBinary && asPostgresUser) {
      command.addAll(List.of("/usr/sbin/runuser", "-u", "postgres", "--"));
    }
    command.add(postgresBinary ? bin.resolve(program).toString() : program);
    command.addAll(List.of(args));
    Path log = dir.resolve("commands.log");
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      if (!p.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(command + " did not end within " + COMMAND_LIMIT);
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            command + " failed with exit code " + p.exitValue() + ":\n" + tail(log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  /** The postmaster of a data directory, from the pid on the first line of its pid file. */
  private static java.util.Optional<ProcessHandle> postmaster(Path dataDir) {
    try {
      Path pidFile = dataDir.resolve("postmaster.pid");
      if (!Files.isRegularFile(pidFile)) {
        return java.util.Optional.empty();
      }
      String first = Files.readAllLines(pidFile).get(0).strip();
      return ProcessHandle.of(Long.parseLong(first));
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  /** Where the newest installed PostgreSQL keeps initdb, pg_basebackup and pg_ctl; null if none. */
  private static Path serverBinaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(
              b ->
                  Stream.of("initdb", "pg_basebackup", "pg_ctl", "postgres")
                      .allMatch(p -> Files.isExecutable(b.resolve(p))))
          .max(Comparator.comparing(ReplicatedPostgres::version))
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static int version(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Stops both servers (whatever is left of them) and deletes their directory. */
  @Override
  public void close() {
    destroy();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanupAtExit);
    } catch (IllegalStateException e) {
      // the JVM is exiting: the hook runs or ran this already
    }
  }

  private synchronized void destroy() {
    for (String name : List.of("primary", STANDBY_NAME)) {
      postmaster(dir.resolve(name))
          .ifPresent(
              p -> {
                List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
                all.add(0, p);
                all.forEach(ProcessHandle::destroyForcibly);
                all.forEach(h -> h.onExit().orTimeout(30, TimeUnit.SECONDS).join());
              });
    }
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the test's PostgreSQL directory " + dir, e);
    }
  }
}
