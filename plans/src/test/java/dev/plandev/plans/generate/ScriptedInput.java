package dev.plandev.plans.generate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A person at a terminal, scripted: each line is what they leave in the prompt; {@code null} means
 * "press enter on the pre-filled suggestion"; running out of lines interrupts like Ctrl-C.
 */
final class ScriptedInput implements PromptInput {
  final Deque<String> lines = new ArrayDeque<>();
  final List<String> prefilled = new ArrayList<>();
  final List<String> told = new ArrayList<>();

  ScriptedInput(String... script) {
    for (String s : script) {
      lines.add(s == null ? "\0" : s);
    }
  }

  @Override
  public boolean interactive() {
    return true;
  }

  @Override
  public String ask(Prompt prompt, String prefill) {
    prefilled.add(prompt.name() + "=" + prefill);
    if (lines.isEmpty()) {
      throw new GenerateException("interrupted at " + prompt.name());
    }
    String line = lines.poll();
    return line.equals("\0") ? prefill : line;
  }

  @Override
  public void tell(String message) {
    told.add(message);
  }
}
