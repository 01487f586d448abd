package dev.plandev.cli.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.cli.CliRun;
import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.testing.ImmutableFiles;
import dev.plandev.testing.LocalServices;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plandev doctor} against real faults: an unwritable data directory, a key file open to
 * others, a damaged database, Redis and PostgreSQL enabled on closed ports, a broken template, a
 * missing folder of plans.
 */
class DoctorCommandTest {
  @TempDir Path dir;

  private CliRun.Result doctor(String... args) {
    String[] all = new String[args.length + 1];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "doctor";
    return new CliRun(dir).run(all);
  }

  private static String line(CliRun.Result r, String check) {
    return r.out()
        .lines()
        .filter(l -> l.substring(6).startsWith(check + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line for " + check + " in\n" + r.out()));
  }

  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void aSoundMachine_passesEveryCheck_exit0() {
    assertThat(new CliRun(dir).run("defaults", "set", "api.token", "s3cr3t", "--secret").code())
        .isZero();

    CliRun.Result r = doctor();

    assertThat(r.code()).as(r.out()).isZero();
    assertThat(line(r, "java")).startsWith("ok").contains("needs 17 or newer");
    assertThat(line(r, "data")).startsWith("ok").contains("is writable (per-user default");
    assertThat(line(r, "database")).startsWith("ok").contains("quick_check found no damage");
    assertThat(line(r, "key file")).startsWith("ok").contains("owner only");
    assertThat(line(r, "redis")).startsWith("--").contains("not enabled");
    assertThat(line(r, "postgres")).startsWith("--");
    assertThat(line(r, "templates")).startsWith("ok").contains("templates parse");
    assertThat(r.out()).endsWith("every check passed\n");
  }

  @Test
  void keyFileOpenToOthers_failsWithTheChmodThatFixesIt() throws Exception {
    new CliRun(dir).run("defaults", "set", "api.token", "s3cr3t", "--secret");
    Path key = new CliRun(dir).defaultDataDir().resolve("secret.key");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

    CliRun.Result r = doctor();

    assertThat(r.code()).isEqualTo(1);
    assertThat(line(r, "key file"))
        .startsWith("FAIL")
        .contains(key + " is open to others (rw-r--r--)")
        .endsWith("fix: chmod 600 " + key);
    assertThat(r.out()).contains("1 of ").contains("checks failed");
  }

  @Test
  void unwritableDataDirectory_fails() throws Exception {
    Path data = Files.createDirectory(dir.resolve("store"));
    try (ImmutableFiles immutable = new ImmutableFiles()) {
      immutable.make(data);

      CliRun.Result r = doctor("--data", data.toString());

      assertThat(r.code()).isEqualTo(1);
      assertThat(line(r, "data"))
          .startsWith("FAIL")
          .contains("cannot write in " + data)
          .contains("fix: make it writable");
    }
  }

  @Test
  void dataDirectoryUnderAFile_fails() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");

    CliRun.Result r = doctor("--data", file.resolve("data").toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(line(r, "data")).startsWith("FAIL").contains(file + " is not a folder");
  }

  @Test
  void damagedDatabase_failsTheIntegrityCheck() throws Exception {
    Path data = dir.resolve("store");
    try (SmartDefaults engine =
        SmartDefaults.open(
            PlandevConfig.defaults().withDataDir(data.toString()), Clock.systemUTC())) {
      for (int i = 0; i < 300; i++) {
        engine.store().put(DefaultSpec.of("key." + i, "value " + "x".repeat(200)), Actor.of("t"));
      }
    }
    Path db = data.resolve("defaults.db");
    int page = 4096;
    byte[] garbage = new byte[page * 2];
    new Random(7).nextBytes(garbage);
    try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
      f.seek(page * (Files.size(db) / page / 2));
      f.write(garbage);
    }

    CliRun.Result r = doctor("--data", data.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(line(r, "database")).startsWith("FAIL").contains("damaged").contains("fix: ");
  }

  @Test
  void redisEnabledOnAClosedPort_failsWithTheAddress() throws Exception {
    int port = closedPort();

    CliRun.Result r =
        doctor("-o", "redis.enabled=true", "-o", "redis.port=" + port, "-o", "redis.maxRetries=0");

    assertThat(r.code()).isEqualTo(1);
    assertThat(line(r, "redis"))
        .startsWith("FAIL")
        .contains("cannot reach Redis at 127.0.0.1:" + port)
        .contains("fix: start Redis there, or set redis.enabled: false");
  }

  @Test
  void redisEnabledAndRunning_passes() {
    LocalServices.requireRedis();

    CliRun.Result r = doctor("-o", "redis.enabled=true");

    assertThat(line(r, "redis")).startsWith("ok").contains("answers");
  }

  @Test
  void postgresEnabledOnAClosedPort_fails_andRunning_passes() throws Exception {
    int port = closedPort();
    CliRun.Result closed =
        doctor(
            "-o",
            "postgres.enabled=true",
            "-o",
            "postgres.url=jdbc:postgresql://127.0.0.1:" + port + "/test");
    assertThat(closed.code()).isEqualTo(1);
    assertThat(line(closed, "postgres"))
        .startsWith("FAIL")
        .contains("cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:" + port);

    LocalServices.requirePostgres();
    CliRun.Result open =
        doctor(
            "-o",
            "postgres.enabled=true",
            "-o",
            "postgres.url=" + LocalServices.PG_URL,
            "-o",
            "postgres.user=" + LocalServices.PG_USER);
    assertThat(line(open, "postgres")).startsWith("ok").contains("answers");
  }

  @Test
  void brokenTemplate_andMissingPlanFolder_fail() throws Exception {
    Path broken = Files.createDirectories(dir.resolve("_templates/broken"));
    Files.writeString(broken.resolve("prompts.yaml"), "prompts: [unclosed\n");
    Files.writeString(broken.resolve("plan.md"), "---\nto: x.md\n---\n# X\n");

    CliRun.Result r = new CliRun(dir).run("doctor", "--root", "docs/plans");

    assertThat(r.code()).isEqualTo(1);
    assertThat(line(r, "templates")).startsWith("FAIL").contains("prompts.yaml");
    assertThat(line(r, "plans"))
        .startsWith("FAIL")
        .contains(dir.resolve("docs/plans") + " is not a folder");
  }

  @Test
  void anOldJava_fails() {
    CheckResult old = MachineChecks.java(Runtime.Version.parse("11.0.2"));
    assertThat(old.status()).isEqualTo(CheckResult.Status.FAILED);
    assertThat(old.line(4)).contains("11.0.2 is older than 17").contains("fix: install Java 17");
  }
}
