package dev.plandev.cli.serve;

import dev.plandev.cli.invocation.Invocation;
import dev.plandev.cli.invocation.Printer;
import dev.plandev.defaults.security.ApiKey;
import dev.plandev.defaults.security.Role;
import dev.plandev.defaults.store.ApiKeys;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plandev keys}: API keys of the HTTP service. */
@Command(
    name = "keys",
    description = "Create, list and revoke API keys of the HTTP service.",
    synopsisSubcommandLabel = "COMMAND",
    mixinStandardHelpOptions = true,
    subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
public final class KeysCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static ApiKeys keys(CommandSpec spec) {
    return Invocation.of(spec).defaults().apiKeys();
  }

  /** {@code plandev keys create}. */
  @Command(
      name = "create",
      description = "Create a key and print its secret once.",
      mixinStandardHelpOptions = true)
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "A name for the key, e.g. ci-bot")
    String name;

    @Option(names = "--role", paramLabel = "admin|editor|reader", description = "Default: reader")
    String role = "reader";

    @Override
    public Integer call() {
      Invocation invocation = Invocation.of(spec);
      ApiKeys.Created c = keys(spec).create(name, Role.parse(role), invocation.actor());
      spec.commandLine().getOut().println(c.secret());
      spec.commandLine()
          .getErr()
          .printf(
              "created key '%s' (role %s); the secret above is shown only now%n",
              name, c.key().role().wireName());
      return 0;
    }
  }

  /** {@code plandev keys list}. */
  @Command(
      name = "list",
      description = "List keys (never their secrets); a key's last use is recorded to the minute.",
      mixinStandardHelpOptions = true)
  static final class ListKeys implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print as JSON")
    boolean json;

    @Override
    public Integer call() {
      List<ApiKey> all = keys(spec).list();
      var out = spec.commandLine().getOut();
      if (json) {
        Printer.json(out, all);
        return 0;
      }
      if (all.isEmpty()) {
        out.println("no keys; create one with: plandev keys create NAME --role reader");
        return 0;
      }
      out.printf(
          "%-4s %-24s %-7s %-10s %-24s %-24s %s%n",
          "ID", "NAME", "ROLE", "PREFIX", "CREATED", "LAST USED", "STATE");
      for (ApiKey k : all) {
        out.printf(
            "%-4d %-24s %-7s %-10s %-24s %-24s %s%n",
            k.id(),
            k.name(),
            k.role().wireName(),
            k.prefix() + "…",
            k.createdAt(),
            k.lastUsed() == null ? "never" : k.lastUsed(),
            k.revoked() ? "revoked " + k.revokedAt() : "active");
      }
      return 0;
    }
  }

  /** {@code plandev keys revoke}. */
  @Command(
      name = "revoke",
      description = {
        "Revoke a key by its id or name, as `keys list` shows them.",
        "A plain value that is one key's id and another key's name is refused: say id:3 or"
            + " name:3."
      },
      mixinStandardHelpOptions = true)
  static final class Revoke implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        paramLabel = "KEY",
        description = "id:ID, name:NAME, or a plain id or name that matches one key only")
    String key;

    @Override
    public Integer call() {
      Invocation invocation = Invocation.of(spec);
      ApiKey k = keys(spec).revoke(key, invocation.actor());
      spec.commandLine().getOut().printf("revoked key '%s' (id %d)%n", k.name(), k.id());
      return 0;
    }
  }
}
