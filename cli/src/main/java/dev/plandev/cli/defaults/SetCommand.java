package dev.plandev.cli.defaults;

import dev.plandev.cli.invocation.Printer;
import dev.plandev.defaults.config.DurationText;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.ValueType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plandev defaults set}: creates or replaces the default of a key in a context. */
@Command(
    name = "set",
    description = "Create or replace the default of KEY in a context.",
    mixinStandardHelpOptions = true)
final class SetCommand extends Subcommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "KEY", description = "Key, e.g. plan.author")
  String key;

  @Parameters(index = "1", paramLabel = "VALUE", description = "The value")
  String value;

  @Option(
      names = {"-t", "--type"},
      paramLabel = "TYPE",
      description = "string|integer|number|boolean|json|enum (default: string)")
  String type = "string";

  @Option(
      names = "--schema",
      paramLabel = "FILE",
      description = "JSON Schema file the value must match")
  Path schema;

  @ArgGroup(exclusive = true)
  Secrecy secrecy;

  /**
   * Whether the value is secret; with neither flag a new entry is plain and an existing one keeps
   * its secrecy, so replacing a secret's value never shows it by accident.
   */
  static final class Secrecy {
    @Option(
        names = "--secret",
        required = true,
        description = "Store the value encrypted; lists show it masked")
    boolean secret;

    @Option(
        names = "--no-secret",
        required = true,
        description =
            "Store the value in plain text, even over a secret (without --secret or --no-secret"
                + " an existing entry keeps its secrecy)")
    boolean plain;
  }

  @Option(
      names = "--expires",
      paramLabel = "WHEN",
      description =
          "Expiry: an instant (2026-12-31T00:00:00Z), a date (2026-12-31) or a delay (30d, 12h)")
  String expires;

  @Option(names = "--confidence", paramLabel = "0..1", description = "Confidence (default: 1)")
  double confidence = DefaultSpec.DEFAULT_CONFIDENCE;

  @Option(names = "--deprecated", description = "Keep the entry but never let it win a resolve")
  boolean deprecated;

  @Option(names = "--json", description = "Print the stored entry as JSON")
  boolean json;

  @Override
  public Integer call() {
    DefaultSpec spec =
        new DefaultSpec(
            key,
            value,
            ValueType.parse(type),
            schemaText(),
            context(),
            confidence,
            expiry(),
            deprecated,
            secrecy == null ? null : secrecy.secret);
    DefaultEntry e = defaults().store().put(spec, invocation().actor()).redacted();
    if (json) {
      Printer.json(out(), e);
    } else {
      out()
          .printf(
              "%s = %s  (id %d, version %d, context %s)%n",
              e.key(), e.value(), e.id(), e.version(), e.context().toJson());
    }
    return 0;
  }

  private String schemaText() {
    if (schema == null) {
      return null;
    }
    Path file = invocation().environment().resolve(schema);
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new InvalidInputException("--schema", "no such file " + file);
    } catch (IOException e) {
      throw new InvalidInputException("--schema", "cannot read " + file + ": " + e.getMessage());
    }
  }

  private Instant expiry() {
    if (expires == null) {
      return null;
    }
    Instant now = invocation().environment().clock().instant();
    try {
      return Instant.parse(expires);
    } catch (DateTimeParseException notInstant) {
      try {
        return LocalDate.parse(expires).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notDate) {
        try {
          return now.plus(DurationText.parse(expires));
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException(
              "--expires",
              "give an instant (2026-12-31T00:00:00Z), a date (2026-12-31) or a delay (30d, 12h);"
                  + " got '"
                  + expires
                  + "'");
        }
      }
    }
  }
}
