package dev.plandev.cli.backup;

import dev.plandev.cli.invocation.Invocation;
import dev.plandev.cli.invocation.Printer;
import dev.plandev.defaults.backup.BackupInfo;
import dev.plandev.defaults.backup.BackupProgress;
import dev.plandev.defaults.backup.Backups;
import dev.plandev.defaults.backup.Manifest;
import dev.plandev.defaults.config.PlandevConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plandev backup}: take, list and verify backups of the store. */
@Command(
    name = "backup",
    description = {
      "Take, list and verify backups of the store and the model files (backup.dir, default"
          + " backups/ in the data directory).",
      "Backups never hold the secret key: keep secret.key (or security.encryptionKey) elsewhere."
    },
    synopsisSubcommandLabel = "COMMAND",
    mixinStandardHelpOptions = true,
    subcommands = {
      BackupCommand.Full.class,
      BackupCommand.Incremental.class,
      BackupCommand.ListBackups.class,
      BackupCommand.Verify.class
    })
public final class BackupCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The option {@code --to DIR} of the backup commands: the backup directory. */
  static final class BackupDir {
    @Option(
        names = "--to",
        paramLabel = "DIR",
        description = "Backup directory (default backup.dir)")
    Path to;
  }

  /** The backups of the invocation's store, in {@code --to DIR} when given. */
  static Backups backups(CommandSpec spec, Path to) {
    Invocation invocation = Invocation.of(spec);
    if (to != null) {
      invocation.setOption("backup.dir", invocation.environment().resolve(to).toString(), "--to");
    }
    PlandevConfig config = invocation.config().config();
    return Backups.of(config, invocation.environment().clock());
  }

  /** A command that takes a backup into {@code --to DIR} (default {@code backup.dir}). */
  abstract static class Take implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin BackupDir backupDir;

    abstract Manifest take(Backups backups, BackupProgress progress);

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      Manifest m = take(backups(spec, backupDir.to), step -> err.println("  " + step));
      spec.commandLine()
          .getOut()
          .printf(
              "%s  %d bytes  rows %s  as of %s  key %s%n",
              m.id(),
              m.totalBytes(),
              m.rows(),
              m.to(),
              m.keyIds().isEmpty() ? "none needed" : String.join(",", m.keyIds()));
      return 0;
    }
  }

  /** {@code plandev backup full}. */
  @Command(
      name = "full",
      description = "Take a full backup now; the store may keep serving and writing meanwhile.",
      mixinStandardHelpOptions = true)
  static final class Full extends Take {
    @Override
    Manifest take(Backups backups, BackupProgress progress) {
      return backups.full(progress);
    }
  }

  /** {@code plandev backup incremental}. */
  @Command(
      name = "incremental",
      description =
          "Back up the changes and usage events since the newest backup (a full one must exist);"
              + " restore --at replays them.",
      mixinStandardHelpOptions = true)
  static final class Incremental extends Take {
    @Override
    Manifest take(Backups backups, BackupProgress progress) {
      return backups.incremental(progress);
    }
  }

  /** {@code plandev backup list}. */
  @Command(
      name = "list",
      description = "List backups: id, moment, size, rows; interrupted ones as INCOMPLETE.",
      mixinStandardHelpOptions = true)
  static final class ListBackups implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin BackupDir backupDir;

    @Option(names = "--json", description = "Print as JSON")
    boolean json;

    @Override
    public Integer call() {
      Backups backups = backups(spec, backupDir.to);
      List<BackupInfo> all = backups.list();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Printer.json(
            out,
            all.stream()
                .map(
                    b ->
                        b.complete()
                            ? (Object) b.manifest()
                            : java.util.Map.of("id", b.id(), "problem", b.problem()))
                .toList());
        return 0;
      }
      if (all.isEmpty()) {
        out.println("no backups in " + backups.dir());
      }
      for (BackupInfo b : all) {
        if (b.complete()) {
          Manifest m = b.manifest();
          out.printf(
              "%s  %s  as of %s  %d bytes  rows %s%n",
              m.id(), m.kind(), m.to(), m.totalBytes(), m.rows());
        } else {
          out.printf("%s  INCOMPLETE  %s%n", b.id(), b.problem());
        }
      }
      return 0;
    }
  }

  /** {@code plandev backup verify}. */
  @Command(
      name = "verify",
      description = "Check a backup's files against its manifest (sizes, SHA-256, decompression).",
      mixinStandardHelpOptions = true)
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin BackupDir backupDir;

    @ArgGroup(multiplicity = "1")
    Which which;

    static final class Which {
      @Parameters(paramLabel = "ID", description = "The backup to verify")
      String id;

      @Option(names = "--all", description = "Verify every backup")
      boolean all;
    }

    @Override
    public Integer call() {
      Backups backups = backups(spec, backupDir.to);
      PrintWriter out = spec.commandLine().getOut();
      if (!which.all) {
        backups.verify(which.id);
        out.println(which.id + ": ok");
        return 0;
      }
      List<String> problems = backups.verifyAll();
      long good = backups.list().stream().filter(BackupInfo::complete).count() - problems.size();
      problems.forEach(spec.commandLine().getErr()::println);
      out.printf("%d backups ok, %d damaged%n", good, problems.size());
      return problems.isEmpty() ? 0 : 1;
    }
  }
}
