package dev.plandev.cli.plan;

import picocli.CommandLine.Command;

/** {@code plandev uncheck PLAN TASK}: marks a task open again ({@code [x]} → {@code [ ]}). */
@Command(
    name = "uncheck",
    description = "Mark a task open again; only its checkbox character changes.",
    mixinStandardHelpOptions = true)
final class UncheckCommand extends ToggleCommand {
  @Override
  boolean checked() {
    return false;
  }
}
