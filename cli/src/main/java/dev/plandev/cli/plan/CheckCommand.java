package dev.plandev.cli.plan;

import picocli.CommandLine.Command;

/** {@code plandev check PLAN TASK}: marks a task done ({@code [ ]} → {@code [x]}). */
@Command(
    name = "check",
    description = "Mark a task done; only its checkbox character changes.",
    mixinStandardHelpOptions = true)
final class CheckCommand extends ToggleCommand {
  @Override
  boolean checked() {
    return true;
  }
}
