package dev.plandev.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.cli.CliRun;
import dev.plandev.cli.CliRun.Result;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
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
    assertThat(list.out()).contains(id).contains("2 entries");
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
}
