package dev.plandev.cli.defaults;

import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.EntryNotFoundException;
import dev.plandev.defaults.model.InvalidInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plandev defaults delete}: removes one entry, by key and exact context or by id. */
@Command(
    name = "delete",
    description = "Delete the entry of KEY with exactly the given context, or the entry --id N.",
    mixinStandardHelpOptions = true)
final class DeleteCommand extends Subcommand implements Callable<Integer> {
  @Parameters(paramLabel = "KEY", arity = "0..1")
  String key;

  @Option(names = "--id", paramLabel = "N", description = "Delete by id instead of key and context")
  Long id;

  @Option(
      names = "--if-version",
      paramLabel = "N",
      description = "Only if the entry is still at version N (else nothing is deleted, exit 1)")
  Long version;

  @Override
  public Integer call() {
    if ((key == null) == (id == null)) {
      throw new InvalidInputException("KEY", "give either KEY (with its --context) or --id N");
    }
    long target =
        id != null
            ? id
            : defaults()
                .store()
                .find(key, context())
                .map(DefaultEntry::id)
                .orElseThrow(
                    () ->
                        new EntryNotFoundException(
                            "no entry for '"
                                + key
                                + "' with context exactly "
                                + context().toJson()
                                + "; see them with: plandev defaults list --prefix "
                                + key));
    DefaultEntry gone = defaults().store().delete(target, version, invocation().actor());
    out()
        .printf("deleted %s (id %d, context %s)%n", gone.key(), gone.id(), gone.context().toJson());
    return 0;
  }
}
