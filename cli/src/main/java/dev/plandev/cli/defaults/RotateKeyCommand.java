package dev.plandev.cli.defaults;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code plandev defaults rotate-key}: re-encrypts every secret under a new key. */
@Command(
    name = "rotate-key",
    description = {
      "Re-encrypt every secret value and audit snapshot under a new key, then retire the old one.",
      "With a key file the new key is generated; with PLANDEV_SECURITY_ENCRYPTION_KEY put the new",
      "key first (NEW,OLD), run this, then drop OLD."
    },
    mixinStandardHelpOptions = true)
final class RotateKeyCommand extends Subcommand implements Callable<Integer> {
  @Override
  public Integer call() {
    int n = defaults().store().rotateKey(invocation().actor());
    out().printf("re-encrypted %d secret value%s under a new key%n", n, n == 1 ? "" : "s");
    return 0;
  }
}
