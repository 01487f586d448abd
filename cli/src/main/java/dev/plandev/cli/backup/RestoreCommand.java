package dev.plandev.cli.backup;

import dev.plandev.cli.invocation.Invocation;
import dev.plandev.defaults.backup.Restored;
import dev.plandev.defaults.model.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plandev restore}: rebuild a data directory from a backup. */
@Command(
    name = "restore",
    description = {
      "Restore a backup, or the store as it was at a moment (--at), into a data directory (--to DIR; default: the data directory, which then"
          + " needs --force).",
      "Checks first: the backup's checksums, schema version, free space, permissions, the secret"
          + " key it needs, and that no service uses the target; checks after: integrity, row"
          + " counts and a sample of resolves. The files of a store replaced with --force are"
          + " kept in a folder replaced-TIME beside it."
    },
    mixinStandardHelpOptions = true)
public final class RestoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  Which which;

  /** A backup by its id, or a moment. */
  static final class Which {
    @Parameters(
        paramLabel = "ID",
        description =
            "The backup (see plandev backup list); an incremental one restores its moment")
    String id;

    @Option(
        names = "--at",
        paramLabel = "TIMESTAMP",
        description =
            "Rebuild the store as it was at this moment, an ISO-8601 time such as"
                + " 2026-01-31T12:00:00Z, from a full backup and the incrementals after it")
    String at;
  }

  @Option(
      names = "--to",
      paramLabel = "DATA_DIR",
      description =
          "Data directory to restore into (on PostgreSQL the store goes into postgres.schema and"
              + " only the model files go here)")
  Path to;

  @Option(
      names = "--from",
      paramLabel = "DIR",
      description = "Backup directory (default backup.dir)")
  Path from;

  @Option(names = "--force", description = "Replace the store already in the target directory")
  boolean force;

  @Override
  public Integer call() {
    Invocation invocation = Invocation.of(spec);
    var backups = BackupCommand.backups(spec, from);
    Path target =
        to == null ? invocation.config().config().dataPath() : invocation.environment().resolve(to);
    PrintWriter err = spec.commandLine().getErr();
    Restored r =
        which.at == null
            ? backups.restore(which.id, target, force, step -> err.println("  " + step))
            : backups.restoreAt(moment(which.at), target, force, step -> err.println("  " + step));
    PrintWriter out = spec.commandLine().getOut();
    if (which.at != null) {
      out.printf("restored the store as of %s into %s%n", which.at, r.dataDir());
    }
    out.printf(
        "restored %s (as of %s) into %s%n", r.manifest().id(), r.manifest().to(), r.dataDir());
    r.checks().forEach(c -> out.println("  " + c));
    return 0;
  }

  private static Instant moment(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "--at", "must be an ISO-8601 time such as 2026-01-31T12:00:00Z; got '" + text + "'");
    }
  }
}
