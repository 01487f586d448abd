package dev.plandev.cli.generate;

import dev.plandev.cli.invocation.Invocation;
import dev.plandev.defaults.SmartDefaults;
import dev.plandev.mcp.EngineDefaultsClient;
import dev.plandev.plans.generate.DefaultsClient;
import dev.plandev.plans.generate.PromptInput;
import dev.plandev.plans.hygen.HygenGenerator;
import dev.plandev.plans.hygen.HygenRequest;
import dev.plandev.plans.hygen.HygenResult;
import dev.plandev.plans.hygen.Outcome;
import dev.plandev.plans.hygen.UnifiedDiff;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * {@code plandev new GENERATOR ACTION [NAME] [--var value ...]} on a hygen-format generator: runs
 * it and prints what each action did as hygen does ({@code added:}, {@code inject:}, ...), or with
 * {@code --dry-run} each file's content and each injection as a diff.
 */
final class HygenRun {
  private final PrintWriter out;
  private final PrintWriter err;

  HygenRun(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  int run(HygenRequest request, DefaultsClient defaults, Clock clock, PromptInput input) {
    HygenResult result = new HygenGenerator(defaults, clock, err).run(request, input);
    for (Outcome o : result.outcomes()) {
      print(o, request.dryRun());
    }
    result.messages().forEach(out::println);
    out.flush();
    err.flush();
    return result.outcomes().stream().anyMatch(o -> "error".equals(o.status())) ? 1 : 0;
  }

  /**
   * Runs {@code body} with a client of the local engine that opens on another thread while the
   * templates' scripts start on this one: a short command spends most of its time in the two.
   */
  static int withEngineOpening(Invocation invocation, Function<DefaultsClient, Integer> body) {
    CompletableFuture<SmartDefaults> opening = CompletableFuture.supplyAsync(invocation::defaults);
    try {
      return body.apply(
          new EngineDefaultsClient(() -> opened(opening), NewCommand.FEEDBACK_SOURCE));
    } finally {
      try {
        opening.join(); // so that the invocation closes what was opened
      } catch (CompletionException e) {
        // already reported through the answers' defaults
      }
    }
  }

  private static SmartDefaults opened(CompletableFuture<SmartDefaults> opening) {
    try {
      return opening.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private void print(Outcome o, boolean dryRun) {
    String note = o.note() == null ? "" : " (" + o.note() + ")";
    switch (o.kind()) {
      case "add" -> {
        String verb =
            switch (o.status()) {
              case "forced" -> "FORCED";
              case "added" -> "added";
              default -> o.status();
            };
        if (dryRun && o.after() != null) {
          out.println("--- " + o.subject() + " (dry run, not written)");
          out.print(o.after());
          if (!o.after().endsWith("\n")) {
            out.println();
          }
        } else {
          out.printf("%12s: %s%s%n", verb, o.subject(), note);
        }
      }
      case "inject" -> {
        if (dryRun && "injected".equals(o.status())) {
          out.print(UnifiedDiff.of(o.subject(), o.before(), o.after()));
        } else if ("error".equals(o.status())) {
          err.println("plandev: " + o.note());
        } else {
          out.printf(
              "%12s: %s%s%n",
              "injected".equals(o.status()) ? "inject" : o.status(), o.subject(), note);
        }
      }
      case "shell" ->
          out.printf(
              "%12s: %s%s%n",
              "shell",
              o.subject(),
              "executed".equals(o.status()) ? "" : " (" + o.status() + ": " + o.note() + ")");
      default -> out.printf("%12s: %s%n", o.kind(), o.subject());
    }
  }
}
