package dev.plandev.cli.daemon;

import dev.plandev.cli.invocation.EngineSource;
import dev.plandev.cli.invocation.Environment;

/** Runs one {@code plandev} command line and returns its exit code ({@code Plandev::run}). */
@FunctionalInterface
public interface CommandRunner {
  int run(Environment env, EngineSource engines, String... args);
}
