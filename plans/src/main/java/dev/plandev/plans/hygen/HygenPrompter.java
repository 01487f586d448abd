package dev.plandev.plans.hygen;

import dev.plandev.plans.generate.DefaultsClient;
import dev.plandev.plans.generate.Prompt;
import dev.plandev.plans.generate.PromptInput;
import dev.plandev.plans.generate.PromptType;
import dev.plandev.plans.generate.Question;
import dev.plandev.plans.generate.SuggestedValue;
import dev.plandev.plans.hygen.script.ScriptSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answers an action's prompt file as hygen does ({@code index.js} with {@code params} or {@code
 * prompt}, else {@code prompt.cjs}/{@code prompt.js} as an array of enquirer questions, those
 * answered on the command line left out), with each question's default predicted by the Smart
 * Defaults engine under {@code hygen.GENERATOR.ACTION.NAME} and the template's own default as the
 * fallback. Answers are kept for {@link #learn}.
 */
final class HygenPrompter {
  static final List<String> HOOK_FILES = List.of("index.js", "prompt.cjs", "prompt.js");

  /** One answered question, for learning. */
  record Answered(String key, String value, String suggestion) {}

  private final ScriptSandbox sandbox;
  private final DefaultsClient defaults;
  private final Map<String, String> context;
  private final PromptInput input;
  private final boolean acceptDefaults;
  private final String keyPrefix;
  private final List<Answered> answered = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final HygenSession session;

  HygenPrompter(
      ScriptSandbox sandbox,
      DefaultsClient defaults,
      Map<String, String> context,
      PromptInput input,
      boolean acceptDefaults,
      String generator,
      String action,
      HygenSession session) {
    this.sandbox = sandbox;
    this.defaults = defaults;
    this.context = context;
    this.input = input;
    this.acceptDefaults = acceptDefaults;
    this.keyPrefix = "hygen." + keyPart(generator) + "." + keyPart(action) + ".";
    this.session = session;
  }

  List<Answered> answered() {
    return answered;
  }

  List<String> warnings() {
    return warnings;
  }

  /** The prompt file's answers (a JavaScript object), or an empty map when there is none. */
  Object answer(Path actionFolder, Map<String, Object> args) {
    Path hooks =
        HOOK_FILES.stream()
            .map(actionFolder::resolve)
            .filter(Files::isRegularFile)
            .findFirst()
            .orElse(null);
    if (hooks == null) {
      if (Files.exists(actionFolder.resolve("prompt.ts"))
          || Files.exists(actionFolder.resolve("index.ts"))) {
        throw new TemplateProblemException(
            actionFolder + ": TypeScript prompt files are not supported; write prompt.js instead");
      }
      return Map.of();
    }
    Object module = sandbox.require(hooks);
    Object unwrapped = sandbox.member(module, "default");
    if (unwrapped != null) {
      module = unwrapped;
    }
    Object h = sandbox.helpers();
    Object params = sandbox.member(module, "params");
    if (params != null) {
      return sandbox.settle(sandbox.call(params, Map.of("args", args, "h", h)));
    }
    Object prompter = prompterObject();
    Object prompt = sandbox.member(module, "prompt");
    if (prompt != null) {
      Map<String, Object> hookArgs = new LinkedHashMap<>();
      hookArgs.put("prompter", prompter);
      hookArgs.put("inquirer", prompter);
      hookArgs.put("args", args);
      hookArgs.put("h", h);
      return sandbox.settle(sandbox.call(prompt, hookArgs));
    }
    Object questions = sandbox.toJava(module);
    if (!(questions instanceof List<?> list)) {
      throw new TemplateProblemException(
          hooks + ": module.exports must be an array of questions or export prompt or params");
    }
    List<Object> asked = new ArrayList<>();
    for (Object q : list) {
      Object name = q instanceof Map<?, ?> m ? m.get("name") : null;
      Object given = name == null ? null : args.get(String.valueOf(name));
      if (given == null || given instanceof String s && s.isEmpty()) {
        asked.add(q);
      } else {
        // answered on the command line: not asked, but learned like a typed answer
        String key = keyPrefix + keyPart(String.valueOf(name));
        answered.add(new Answered(key, textOf(given), suggestion(key, "input", List.of())));
      }
    }
    return sandbox.settle(ask(asked));
  }

  private Object prompterObject() {
    return sandbox.toJs(
        Map.of(
            "prompt",
            sandbox.function(
                "prompt",
                args -> {
                  Object questions = args.length == 0 ? List.of() : sandbox.toJava(args[0]);
                  return ask(questions instanceof List<?> l ? l : List.of(questions));
                })));
  }

  /** Asks the questions in order; returns a promise of the answers, as enquirer does. */
  private Object ask(List<?> questions) {
    Map<String, Object> answers = new LinkedHashMap<>();
    for (Object q : questions) {
      if (!(q instanceof Map<?, ?> question)) {
        continue;
      }
      String name = String.valueOf(question.get("name"));
      if (skipped(question, answers)) {
        continue;
      }
      answers.put(name, answerOf(name, question, answers));
    }
    return sandbox.call(sandbox.member(sandbox.builtIn("promise"), "resolve"), answers);
  }

  private boolean skipped(Map<?, ?> question, Map<String, Object> answers) {
    Object when = question.get("when");
    if (when != null) {
      Object v =
          when instanceof String || when instanceof Boolean
              ? when
              : sandbox.toJava(sandbox.settle(sandbox.call(when, answers)));
      if (!Actions.truthy(v)) {
        return true;
      }
    }
    Object skip = question.get("skip");
    if (skip != null) {
      Object v =
          skip instanceof Boolean
              ? skip
              : sandbox.toJava(sandbox.settle(sandbox.call(skip, answers)));
      return Actions.truthy(v);
    }
    return false;
  }

  private Object answerOf(String name, Map<?, ?> question, Map<String, Object> answers) {
    String type = question.get("type") == null ? "input" : String.valueOf(question.get("type"));
    List<String> choices = choices(question.get("choices"));
    Object initial =
        question.containsKey("initial") ? question.get("initial") : question.get("default");
    if (initial != null
        && !(initial instanceof String
            || initial instanceof Number
            || initial instanceof Boolean
            || initial instanceof List)) {
      initial = sandbox.toJava(sandbox.settle(sandbox.call(initial, answers)));
    }
    String fallback = templateDefault(type, initial, choices);
    String key = keyPrefix + keyPart(name);
    String suggestion = suggestion(key, type, choices);
    String defaultValue = suggestion != null ? suggestion : fallback;
    String message =
        question.get("message") == null ? name : String.valueOf(question.get("message"));
    Object value;
    while (true) {
      String text = defaultValue == null ? "" : defaultValue;
      if (input.interactive() && !acceptDefaults) {
        Prompt prompt =
            new Prompt(
                promptName(name),
                message,
                promptType(type),
                choicesFor(type, choices),
                fallback,
                null,
                false,
                true);
        Question shown = question(type, defaultValue, choices);
        text = shown.answer(input.ask(prompt, shown));
      }
      value = typed(type, text);
      Object validate = question.get("validate");
      Object verdict =
          validate == null
              ? Boolean.TRUE
              : sandbox.toJava(sandbox.settle(sandbox.call(validate, value, answers)));
      if (Boolean.TRUE.equals(verdict)) {
        break;
      }
      String why = verdict instanceof String s ? s : "the answer '" + text + "' is not valid";
      if (!input.interactive() || acceptDefaults) {
        throw new TemplateProblemException(
            "prompt '" + name + "': " + why + "; answer it with --" + name + " VALUE");
      }
      input.tell(why);
    }
    Object result = question.get("result");
    Object finalValue =
        result == null ? value : sandbox.toJava(sandbox.settle(sandbox.call(result, value)));
    answered.add(new Answered(key, textOf(finalValue), suggestion));
    session.record(name, finalValue);
    return finalValue;
  }

  private String suggestion(String key, String type, List<String> choices) {
    List<SuggestedValue> candidates;
    try {
      candidates = defaults.suggest(key, context, 3);
    } catch (RuntimeException e) {
      warnings.add(
          "smart defaults unavailable (" + e.getMessage() + "); using the templates' defaults");
      return null;
    }
    for (SuggestedValue s : candidates) {
      if (s.value() != null
          && !s.value().isBlank()
          && (!isChoice(type) || choices.contains(s.value()))) {
        return s.value();
      }
    }
    return null;
  }

  private static String templateDefault(String type, Object initial, List<String> choices) {
    if (initial == null) {
      if (isChoice(type) && !choices.isEmpty()) {
        return choices.get(0); // enquirer's select starts on the first choice
      }
      return "confirm".equals(type) ? "false" : null;
    }
    if (isChoice(type)
        && initial instanceof Number n
        && n.intValue() >= 0
        && n.intValue() < choices.size()) {
      return choices.get(n.intValue());
    }
    return textOf(initial);
  }

  private Object typed(String type, String text) {
    switch (type) {
      case "confirm":
        return Boolean.valueOf(
            List.of("y", "yes", "true", "o", "oui")
                .contains(text.strip().toLowerCase(Locale.ROOT)));
      case "numeral":
      case "number":
        return text.isBlank() ? 0 : CommandLineArguments.value(text.strip());
      case "multiselect":
        List<Object> picked = new ArrayList<>();
        for (String part : text.split(",")) {
          if (!part.isBlank()) {
            picked.add(part.strip());
          }
        }
        return picked;
      default:
        return text;
    }
  }

  /** What the person is shown: the default, and a select's choices numbered to pick one. */
  private static Question question(String type, String defaultValue, List<String> choices) {
    if (!isChoice(type) || choices.isEmpty()) {
      return Question.withDefault(defaultValue);
    }
    List<Question.Option> options = new ArrayList<>();
    for (String choice : choices) {
      options.add(new Question.Option(options.size() + 1, choice, 0));
    }
    return new Question(defaultValue, options, true);
  }

  private static boolean isChoice(String type) {
    return List.of("select", "list", "autocomplete", "rawlist").contains(type);
  }

  private static List<String> choices(Object raw) {
    List<String> out = new ArrayList<>();
    if (raw instanceof List<?> list) {
      for (Object c : list) {
        out.add(
            c instanceof Map<?, ?> m
                ? String.valueOf(m.containsKey("name") ? m.get("name") : m.get("value"))
                : String.valueOf(c));
      }
    }
    return out;
  }

  private static List<String> choicesFor(String type, List<String> choices) {
    return isChoice(type) ? choices : List.of();
  }

  private static PromptType promptType(String type) {
    return switch (type) {
      case "confirm" -> PromptType.CONFIRM;
      case "numeral", "number" -> PromptType.NUMBER;
      case "select", "list", "autocomplete", "rawlist" -> PromptType.LIST;
      default -> PromptType.INPUT;
    };
  }

  private static String promptName(String name) {
    String cleaned = name.replaceAll("[^A-Za-z0-9_]", "_");
    return cleaned.isEmpty() || !Character.isLowerCase(cleaned.charAt(0)) ? "q" + cleaned : cleaned;
  }

  private static String textOf(Object value) {
    if (value instanceof List<?> list) {
      return String.join(",", list.stream().map(String::valueOf).toList());
    }
    if (value instanceof Double d && d == Math.rint(d)) {
      return String.valueOf(d.longValue());
    }
    return value == null ? "" : String.valueOf(value);
  }

  private static String keyPart(String part) {
    return part.replaceAll("[^A-Za-z0-9._:-]", "_");
  }
}
