package dev.plandev.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.cli.CliRun;
import dev.plandev.cli.CliRun.Result;
import dev.plandev.defaults.testing.TestClock;
import dev.plandev.testing.LocalServices;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plandev backup full|list|verify} and {@code plandev restore}, run as a person would. */
class BackupCommandTest {
  @TempDir Path dir;

  private Result run(String... args) {
    return new CliRun(dir).run(args);
  }

  @Test
  void backupListVerifyRestore_roundTrip() throws Exception {
    Path data = dir.resolve("data");
    assertThat(run("--data", data.toString(), "defaults", "set", "db.host", "db.internal").code())
        .isZero();
    assertThat(
            run("--data", data.toString(), "defaults", "set", "api.token", "s3cr3t", "--secret")
                .code())
        .isZero();
    Result full = run("--data", data.toString(), "backup", "full");
    assertThat(full.code()).as(full.err()).isZero();
    assertThat(full.err()).contains("snapshot of the database");
    String id = full.out().split(" ")[0];
    assertThat(id).startsWith("full-");

    Result list = run("--data", data.toString(), "backup", "list");
    assertThat(list.out()).contains(id).contains("default_values=2");
    assertThat(run("--data", data.toString(), "backup", "verify", id).out()).contains(id + ": ok");

    Path target = dir.resolve("restored");
    Result noKey = run("--data", data.toString(), "restore", id, "--to", target.toString());
    assertThat(noKey.code()).isEqualTo(1);
    assertThat(noKey.err()).contains("encrypted with key").contains("secret.key");

    Files.createDirectories(target);
    Files.copy(data.resolve("secret.key"), target.resolve("secret.key"));
    Result restore = run("--data", data.toString(), "restore", id, "--to", target.toString());
    assertThat(restore.code()).as(restore.err()).isZero();
    assertThat(restore.out()).contains("restored " + id).contains("integrity check: ok");
    Result get = run("--data", target.toString(), "defaults", "get", "db.host");
    assertThat(get.out()).contains("db.internal");

    Result over = run("--data", data.toString(), "restore", id);
    assertThat(over.code()).isEqualTo(1);
    assertThat(over.err()).contains("already holds a store").contains("--force");
  }

  @Test
  void damagedBackup_failsVerify_namingTheFile() throws Exception {
    Path data = dir.resolve("data");
    run("--data", data.toString(), "defaults", "set", "k", "v");
    String id = run("--data", data.toString(), "backup", "full").out().split(" ")[0];
    Path file = data.resolve("backups").resolve(id).resolve("defaults.db.zst");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(raf.length() / 2);
      int b = raf.read();
      raf.seek(raf.length() / 2);
      raf.write(b ^ 0x10);
    }
    Result verify = run("--data", data.toString(), "backup", "verify", "--all");
    assertThat(verify.code()).isEqualTo(1);
    assertThat(verify.err()).contains(id).contains("defaults.db.zst");
    assertThat(verify.out()).contains("0 backups ok, 1 damaged");
  }

  @Test
  void incremental_andRestoreAt_rebuildEachMoment() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-02-01T10:00:00Z"));
    Path data = dir.resolve("data");
    CliRun cli = new CliRun(dir).clock(clock);
    Result noBase = cli.run("--data", data.toString(), "backup", "incremental");
    assertThat(noBase.code()).isEqualTo(1);
    assertThat(noBase.err()).contains("take a full backup first").doesNotContain("Exception");
    cli.run("--data", data.toString(), "defaults", "set", "db.host", "first");
    assertThat(cli.run("--data", data.toString(), "backup", "full").code()).isZero();
    clock.advance(Duration.ofMinutes(10));
    cli.run("--data", data.toString(), "defaults", "set", "db.host", "second");
    Instant second = clock.instant();
    clock.advance(Duration.ofMinutes(10));
    cli.run("--data", data.toString(), "defaults", "set", "db.host", "third");
    clock.advance(Duration.ofMinutes(10));
    Result inc = cli.run("--data", data.toString(), "backup", "incremental");
    assertThat(inc.code()).as(inc.err()).isZero();
    assertThat(inc.out()).startsWith("incremental-").contains("changes=2");

    Path target = dir.resolve("at-second");
    Result at =
        cli.run(
            "--data",
            data.toString(),
            "restore",
            "--at",
            second.toString(),
            "--to",
            target.toString());
    assertThat(at.code()).as(at.err()).isZero();
    assertThat(at.out())
        .contains("restored the store as of " + second)
        .contains("replayed 1 changes");
    assertThat(cli.run("--data", target.toString(), "defaults", "get", "db.host").out())
        .contains("second");
    Result bad = cli.run("--data", data.toString(), "restore", "--at", "yesterday");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("ISO-8601");
  }

  @Test
  void postgres_incremental_andRestoreAtIntoAnotherSchema() throws Exception {
    LocalServices.requirePostgres();
    String source = "t_cli_" + Long.toHexString(System.nanoTime());
    String target = source + "_at";
    TestClock clock = new TestClock(Instant.parse("2026-02-01T10:00:00Z"));
    Path data = dir.resolve("data");
    CliRun cli = new CliRun(dir).clock(clock);
    try {
      cli.run(pg(data, source, "defaults", "set", "db.host", "first"));
      assertThat(cli.run(pg(data, source, "backup", "full")).code()).isZero();
      clock.advance(Duration.ofMinutes(10));
      cli.run(pg(data, source, "defaults", "set", "db.host", "second"));
      Instant second = clock.instant();
      clock.advance(Duration.ofMinutes(10));
      cli.run(pg(data, source, "defaults", "set", "db.host", "third"));
      clock.advance(Duration.ofMinutes(10));
      Result inc = cli.run(pg(data, source, "backup", "incremental"));
      assertThat(inc.code()).as(inc.err()).isZero();
      assertThat(inc.out()).startsWith("incremental-").contains("changes=2");

      Result at = cli.run(pg(data, target, "restore", "--at", second.toString()));
      assertThat(at.code()).as(at.err()).isZero();
      assertThat(at.out()).contains("restored the store as of " + second).contains("replayed 1");
      assertThat(cli.run(pg(data, target, "defaults", "get", "db.host")).out()).contains("second");
      assertThat(cli.run(pg(data, source, "defaults", "get", "db.host")).out()).contains("third");
    } finally {
      for (String schema : new String[] {source, target}) {
        try (Connection c =
                DriverManager.getConnection(LocalServices.PG_URL, LocalServices.PG_USER, "");
            Statement s = c.createStatement()) {
          s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
      }
    }
  }

  /** {@code args} run on a PostgreSQL store in {@code schema}, with its files in {@code data}. */
  static String[] pg(Path data, String schema, String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "--data",
                data.toString(),
                "-o",
                "postgres.enabled=true",
                "-o",
                "postgres.url=" + LocalServices.PG_URL,
                "-o",
                "postgres.user=" + LocalServices.PG_USER,
                "-o",
                "postgres.schema=" + schema));
    all.addAll(List.of(args));
    return all.toArray(String[]::new);
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "redis.enabled={0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void postgres_restoreForce_isRefusedWhileServeUsesTheSchema(boolean redis) throws Exception {
    LocalServices.requirePostgres();
    if (redis) {
      LocalServices.requireRedis();
    }
    String schema = "t_cli_" + Long.toHexString(System.nanoTime());
    Path data = dir.resolve("data");
    CliRun cli = new CliRun(dir);
    String onRedis = "redis.enabled=" + redis;
    try {
      cli.run(pg(data, schema, "-o", onRedis, "defaults", "set", "k", "v"));
      String id = cli.run(pg(data, schema, "backup", "full")).out().split(" ")[0];
      CliRun.Running serve = cli.start(pg(data, schema, "-o", onRedis, "serve", "--port", "0"));
      try {
        // No read was served: the service is known by its lock, not by its write feed.
        serve.awaitOutput("Stop with Ctrl-C", Duration.ofSeconds(60));
        Result r = cli.run(pg(data, schema, "restore", id, "--force"));
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        // Named by the lock's session: what it is, its process and where it runs from.
        assertThat(r.err())
            .contains("plandev serve (pid " + ProcessHandle.current().pid() + ") from ")
            .contains(" is using the schema " + schema);
      } finally {
        serve.thread().interrupt();
        serve.thread().join(30_000);
      }
      // Stopped, the same restore goes through.
      Result r = cli.run(pg(data, schema, "restore", id, "--force"));
      assertThat(r.code()).as(r.err()).isZero();
    } finally {
      try (Connection c =
              DriverManager.getConnection(LocalServices.PG_URL, LocalServices.PG_USER, "");
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  @Test
  void restoreForce_isRefusedWhileServeUsesTheDataDirectory() throws Exception {
    Path data = dir.resolve("data");
    CliRun cli = new CliRun(dir);
    cli.run("--data", data.toString(), "defaults", "set", "k", "v");
    String id = cli.run("--data", data.toString(), "backup", "full").out().split(" ")[0];
    CliRun.Running serve = cli.start("--data", data.toString(), "serve", "--port", "0");
    try {
      serve.awaitOutput("Stop with Ctrl-C", Duration.ofSeconds(60));
      Result r = cli.run("--data", data.toString(), "restore", id, "--force");
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err())
          .contains("plandev serve (pid " + ProcessHandle.current().pid() + ") is using")
          .contains("stop it");
    } finally {
      serve.thread().interrupt();
      serve.thread().join(30_000);
    }
    // Stopped, the same restore goes through.
    Result r = cli.run("--data", data.toString(), "restore", id, "--force");
    assertThat(r.code()).as(r.err()).isZero();
  }
}
