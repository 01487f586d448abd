package dev.plandev.plans.hygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.plans.generate.PromptInput;
import dev.plandev.plans.generate.RecordingDefaults;
import dev.plandev.plans.generate.ScriptedInput;
import dev.plandev.plans.generate.WorkingEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prompt files asked through a scripted person: enquirer types, {@code when}/{@code validate}/
 * {@code result}, index.js {@code prompt} with the prompter, defaults predicted by the engine
 * (ignored when a select does not offer them), and the answers sent back as feedback.
 */
class HygenPromptsTest {
  static final Clock DAY = Clock.fixed(Instant.parse("2026-02-03T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  final RecordingDefaults defaults = new RecordingDefaults();

  @BeforeEach
  void templates() throws IOException {
    write(
        "_templates/q/new/prompt.js",
        "const { hint } = require('./hint')\n"
            + "module.exports = [\n"
            + "  { type: 'input', name: 'title', message: 'Title?', initial: 'T',\n"
            + "    validate: (v) => v.length >= 3 || 'at least 3 letters',\n"
            + "    result: (v) => v.toUpperCase() },\n"
            + "  { type: 'select', name: 'kind', message: hint, choices: ['lib', 'app'] },\n"
            + "  { type: 'confirm', name: 'tests', message: 'Tests?', initial: true },\n"
            + "  { type: 'numeral', name: 'count', message: 'Count?', initial: 2 },\n"
            + "  { type: 'multiselect', name: 'tags', message: 'Tags?', choices: ['a', 'b', 'c'] },\n"
            + "  { type: 'input', name: 'ci', message: 'CI?', when: (answers) => answers.tests },\n"
            + "]\n");
    write("_templates/q/new/hint.js", "module.exports = { hint: 'Kind of project?' }\n");
    write(
        "_templates/q/new/out.ejs.t",
        "---\nto: out.txt\n---\n"
            + "<%= title %>|<%= kind %>|<%= tests %>|<%= count + 1 %>|<%= tags.join('+') %>|"
            + "<%= locals.ci %>\n");
    write(
        "_templates/p/new/index.js",
        "module.exports = { prompt: ({ prompter, args }) => prompter.prompt([\n"
            + "  { type: 'input', name: 'who', message: 'Who?', initial: 'nobody' },\n"
            + "]).then((a) => ({ who: a.who + '!' + (args.extra || '') })) }\n");
    write("_templates/p/new/out.ejs.t", "---\nto: who.txt\n---\n<%= who %>\n");
  }

  private void write(String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private String run(PromptInput input, boolean yes, String... words) throws IOException {
    new HygenGenerator(defaults, DAY, new PrintWriter(new StringWriter()))
        .run(
            new HygenRequest(
                dir.resolve("_templates"),
                new WorkingEnvironment(dir, "repo", "ada", "linux"),
                List.of(words),
                Map.of(),
                yes,
                false,
                true,
                false),
            input);
    String out = words[0].equals("p") ? "who.txt" : "out.txt";
    return Files.readString(dir.resolve(out), StandardCharsets.UTF_8);
  }

  @Test
  void typed_answers_of_every_type_with_validation_and_result() throws IOException {
    ScriptedInput person = new ScriptedInput("ab", "abc", "2", "n", "5", "a,c");

    assertThat(run(person, false, "q", "new")).isEqualTo("ABC|app|false|6|a+c|\n");
    assertThat(person.told).containsExactly("at least 3 letters");
    assertThat(person.prefilled)
        .containsExactly("title=T", "title=T", "kind=lib", "tests=true", "count=2", "tags=");
  }

  @Test
  void the_engine_s_values_are_the_defaults_and_the_answers_go_back() throws IOException {
    defaults.suggestions.put("hygen.q.new.title", "From engine");
    defaults.suggestions.put("hygen.q.new.kind", "service"); // not a choice: ignored
    defaults.suggestions.put("hygen.q.new.ci", "github");

    assertThat(run(PromptInput.none(), true, "q", "new"))
        .isEqualTo("FROM ENGINE|lib|true|3||github\n");
    assertThat(defaults.feedback)
        .extracting(s -> s.key() + ":" + s.value() + ":" + s.outcome())
        .contains(
            "hygen.q.new.title:FROM ENGINE:chosen",
            "hygen.q.new.title:From engine:rejected",
            "hygen.q.new.kind:lib:chosen",
            "hygen.q.new.ci:github:accepted");
    assertThat(defaults.feedback.get(0).context())
        .containsEntry("template", "hygen/q/new")
        .containsEntry("repository", "repo")
        .containsEntry("user", "ada");
  }

  @Test
  void options_answer_without_asking_and_are_learned() throws IOException {
    ScriptedInput person = new ScriptedInput("y", "1", "b", "travis");

    String out = run(person, false, "q", "new", "--title", "Given", "--kind", "app");

    assertThat(out).isEqualTo("Given|app|true|2|b|travis\n");
    assertThat(person.prefilled).containsExactly("tests=true", "count=2", "tags=", "ci=");
    assertThat(defaults.feedback)
        .extracting(s -> s.key() + ":" + s.value())
        .contains("hygen.q.new.title:Given", "hygen.q.new.kind:app");
  }

  @Test
  void index_js_prompt_uses_the_prompter_and_its_then() throws IOException {
    defaults.suggestions.put("hygen.p.new.who", "Ada");

    assertThat(run(PromptInput.none(), true, "p", "new", "--extra", "x")).isEqualTo("Ada!x\n");
  }

  @Test
  void an_interrupted_run_resumes_without_asking_the_answered_questions_again() throws IOException {
    ScriptedInput stopsAfterThree = new ScriptedInput("Resumed", "2", "y");
    assertThatThrownBy(() -> run(stopsAfterThree, false, "q", "new"))
        .hasMessageContaining("interrupted at count");
    assertThat(dir.resolve("out.txt")).doesNotExist();

    List<String> words = HygenSession.resumeWords(dir).orElseThrow();
    assertThat(words).containsExactly("q", "new", "--title", "RESUMED", "--kind", "app", "--tests");
    ScriptedInput rest = new ScriptedInput("7", "b", "gitlab");
    assertThat(run(rest, false, words.toArray(String[]::new)))
        .isEqualTo("RESUMED|app|true|8|b|gitlab\n");
    assertThat(rest.prefilled).containsExactly("count=2", "tags=", "ci=");
    assertThat(HygenSession.resumeWords(dir)).isEmpty();
  }

  @Test
  void an_existing_file_is_overwritten_only_when_the_person_says_so() throws IOException {
    Files.writeString(dir.resolve("who.txt"), "before\n", StandardCharsets.UTF_8);
    HygenRequest request =
        new HygenRequest(
            dir.resolve("_templates"),
            new WorkingEnvironment(dir, "repo", "ada", "linux"),
            List.of("p", "new", "--who", "x"),
            Map.of(),
            false,
            false,
            false,
            false);
    HygenGenerator generator =
        new HygenGenerator(defaults, DAY, new PrintWriter(new StringWriter()));

    ScriptedInput no = new ScriptedInput("Ada", "n");
    assertThat(generator.run(request, no).outcomes().get(0).status()).isEqualTo("skipped");
    assertThat(dir.resolve("who.txt")).hasContent("before");
    assertThat(no.prefilled).containsExactly("who=nobody", "overwrite=n");

    ScriptedInput yes = new ScriptedInput("Ada", "y");
    assertThat(generator.run(request, yes).outcomes().get(0).status()).isEqualTo("added");
    assertThat(dir.resolve("who.txt")).hasContent("Ada!");
  }

  @Test
  void an_invalid_default_without_a_person_says_which_option_answers_it() {
    defaults.suggestions.put("hygen.q.new.title", "no");

    assertThatThrownBy(() -> run(PromptInput.none(), true, "q", "new"))
        .hasMessage("prompt 'title': at least 3 letters; answer it with --title VALUE");
  }
}
