package dev.plandev.plans.generate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A person at a terminal, scripted: each line is what they type in the prompt; {@code null} means
 * "press enter" (take the default); running out of lines interrupts like Ctrl-C. {@link #prefilled}
 * records each prompt's default hint (shared with the hygen prompt tests) as {@code name=default},
 * {@link #questions} each question.
 */
public final class ScriptedInput implements PromptInput {
  final Deque<String> lines = new ArrayDeque<>();
  public final List<String> prefilled = new ArrayList<>();
  final List<Question> questions = new ArrayList<>();
  public final List<String> told = new ArrayList<>();

  public ScriptedInput(String... script) {
    for (String s : script) {
      lines.add(s == null ? "\0" : s);
    }
  }

  @Override
  public boolean interactive() {
    return true;
  }

  @Override
  public String ask(Prompt prompt, Question question) {
    String hint = question.defaultValue();
    prefilled.add(prompt.name() + "=" + (hint == null ? "" : hint));
    questions.add(question);
    if (lines.isEmpty()) {
      throw new GenerateException("interrupted at " + prompt.name());
    }
    String line = lines.poll();
    return line.equals("\0") ? "" : line;
  }

  @Override
  public void tell(String message) {
    told.add(message);
  }
}
