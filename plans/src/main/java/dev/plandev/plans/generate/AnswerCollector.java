package dev.plandev.plans.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers a template's prompts in order. For each prompt the suggestion is the Smart Defaults
 * engine's best value that the prompt accepts, else the static default rendered over the earlier
 * answers. The answer is then, first match wins: the saved session's (on resume), the {@code --set}
 * value, the suggestion (with {@code --yes} or without a terminal), nothing for an optional prompt
 * in those modes, or what the person types: Enter takes the suggestion, a typed number picks one of
 * the offered values ({@link Question}). Every answer is saved in the session as soon as it is
 * known.
 */
final class AnswerCollector {
  private static final int SUGGESTIONS = 3;
  private static final int ATTEMPTS = 5;

  private final PlanTemplate template;
  private final GuardedDefaults defaults;
  private final Map<String, String> context;
  private final TemplateRenderer renderer;
  private final Map<String, Object> model;

  AnswerCollector(
      PlanTemplate template,
      GuardedDefaults defaults,
      Map<String, String> context,
      TemplateRenderer renderer,
      Map<String, Object> model) {
    this.template = template;
    this.defaults = defaults;
    this.context = context;
    this.renderer = renderer;
    this.model = model;
  }

  static String key(String template, String prompt) {
    return "plan." + template + "." + prompt;
  }

  /**
   * Answers every prompt, adding each answer to the model.
   *
   * @throws MissingAnswersException when required prompts have no answer and no one can be asked
   * @throws InvalidAnswerException when a given answer breaks its prompt's rule
   */
  Map<String, AnswerSession.Answer> collect(
      GenerationRequest request, PromptInput input, AnswerSession session) {
    checkKnown(request.answers());
    boolean silent = request.acceptDefaults() || !input.interactive();
    Map<String, AnswerSession.Answer> answers = new LinkedHashMap<>();
    List<Prompt> missing = new ArrayList<>();
    for (Prompt prompt : template.prompts()) {
      AnswerSession.Answer saved = session.answer(prompt.name()).orElse(null);
      String given = request.answers().get(prompt.name());
      String suggestion;
      String value;
      if (saved != null && given == null) {
        suggestion = saved.suggestion();
        value = prompt.check(saved.value());
      } else {
        List<SuggestedValue> candidates = candidates(prompt);
        suggestion = suggest(prompt, candidates);
        if (given != null) {
          value = prompt.check(given);
        } else if (silent && suggestion != null) {
          value = suggestion;
        } else if (silent && !prompt.required()) {
          value = "";
        } else if (!input.interactive()) {
          missing.add(prompt);
          model.put(prompt.name(), "");
          continue;
        } else {
          value = ask(prompt, Question.of(prompt, suggestion, candidates), input);
        }
        session.put(prompt.name(), value, suggestion);
      }
      answers.put(prompt.name(), new AnswerSession.Answer(value, suggestion));
      model.put(prompt.name(), prompt.templateValue(value));
    }
    if (!missing.isEmpty()) {
      throw new MissingAnswersException(template.name(), missing);
    }
    return answers;
  }

  private void checkKnown(Map<String, String> given) {
    List<String> names = template.prompts().stream().map(Prompt::name).toList();
    for (String name : given.keySet()) {
      if (!names.contains(name)) {
        throw new GenerationRequestException(
            "template '"
                + template.name()
                + "' has no prompt named '"
                + name
                + "' (from --set "
                + name
                + "=...); its prompts are: "
                + String.join(", ", names));
      }
    }
  }

  /** The engine's best values for the prompt that it accepts, in their checked form. */
  private List<SuggestedValue> candidates(Prompt prompt) {
    List<SuggestedValue> accepted = new ArrayList<>();
    if (prompt.learn()) {
      for (SuggestedValue s :
          defaults.suggest(key(template.name(), prompt.name()), context, SUGGESTIONS)) {
        if (s.value() != null && !s.value().isBlank() && prompt.accepts(s.value())) {
          accepted.add(new SuggestedValue(prompt.check(s.value()), s.confidence(), s.reason()));
        }
      }
    }
    return accepted;
  }

  private String suggest(Prompt prompt, List<SuggestedValue> candidates) {
    if (!candidates.isEmpty()) {
      return candidates.get(0).value();
    }
    if (prompt.defaultValue() == null) {
      return null;
    }
    String where = template.origin() + ", default of prompt '" + prompt.name() + "'";
    String rendered = renderer.render(where, prompt.defaultValue(), model).strip();
    if (rendered.isEmpty()) {
      return null;
    }
    try {
      return prompt.check(rendered);
    } catch (InvalidAnswerException e) {
      throw new TemplateFormatException(
          where, "the default is refused by its own rule: " + e.getMessage(), e);
    }
  }

  /** Asks until the answer passes the prompt's rule; each new try starts from an empty line. */
  private String ask(Prompt prompt, Question question, PromptInput input) {
    InvalidAnswerException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String line = input.ask(prompt, question);
      try {
        return prompt.check(question.answer(line));
      } catch (InvalidAnswerException e) {
        input.tell(e.getMessage());
        last = e;
      }
    }
    throw last;
  }
}
