package dev.plandev.plans.hygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.plans.generate.DefaultsClient;
import dev.plandev.plans.generate.GenerateException;
import dev.plandev.plans.generate.PromptInput;
import dev.plandev.plans.generate.WorkingEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generator that cannot run fails with the template file and line in the message, and writes
 * nothing: EJS tags left open, JavaScript that does not parse, a prompt file that throws, an
 * unknown helper, a {@code to:} outside the working tree.
 */
class HygenErrorsTest {
  @TempDir Path dir;

  private void write(String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private HygenResult run(String... words) {
    Path work = dir.resolve("work");
    try {
      Files.createDirectories(work);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new HygenGenerator(
            DefaultsClient.none(), Clock.systemUTC(), new PrintWriter(new StringWriter()))
        .run(
            new HygenRequest(
                dir.resolve("_templates"),
                new WorkingEnvironment(work, "", "tester", "linux"),
                List.of(words),
                Map.of(),
                true,
                false,
                false,
                false),
            PromptInput.none());
  }

  private long filesWritten() throws IOException {
    try (Stream<Path> files = Files.walk(dir.resolve("work"))) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void an_unclosed_tag_names_the_file_and_the_line_of_the_file() throws IOException {
    write("_templates/g/a/ok.ejs.t", "---\nto: ok.txt\n---\nfine\n");
    write("_templates/g/a/x.ejs.t", "---\nto: x.txt\n---\nline 4\nline 5 <% if (name) {\n");

    assertThatThrownBy(() -> run("g", "a", "n"))
        .isInstanceOf(GenerateException.class)
        .hasMessage(
            "_templates/g/a/x.ejs.t:5: the tag \"<%\" is never closed (close it with %>, -%> or"
                + " _%>)");
    assertThat(filesWritten()).isZero();
  }

  @Test
  void javascript_that_does_not_parse_names_its_line() throws IOException {
    write("_templates/g/a/x.ejs.t", "---\nto: x.txt\n---\none\ntwo\n<% if ( { %>\n");

    assertThatThrownBy(() -> run("g", "a", "n"))
        .isInstanceOf(GenerateException.class)
        .hasMessageStartingWith("_templates/g/a/x.ejs.t:6: ");
  }

  @Test
  void an_unknown_helper_names_its_line() throws IOException {
    write("_templates/g/a/x.ejs.t", "---\nto: x.txt\n---\nHello\n<%= h.shout(name) %>\n");

    assertThatThrownBy(() -> run("g", "a", "n"))
        .isInstanceOf(GenerateException.class)
        .hasMessageStartingWith("_templates/g/a/x.ejs.t:5: ")
        .hasMessageContaining("shout");
  }

  @Test
  void an_unknown_helper_in_the_front_matter_names_the_attribute_line() throws IOException {
    write("_templates/g/a/x.ejs.t", "---\nforce: true\nto: <%= h.nope(name) %>.txt\n---\nbody\n");

    assertThatThrownBy(() -> run("g", "a", "n"))
        .hasMessageStartingWith("_templates/g/a/x.ejs.t:3: ")
        .hasMessageContaining("nope");
  }

  @Test
  void a_prompt_file_that_throws_names_its_line() throws IOException {
    write(
        "_templates/g/a/prompt.js",
        "// questions\nconst q = []\nthrow new Error('no questions')\n");
    write("_templates/g/a/x.ejs.t", "---\nto: x.txt\n---\nbody\n");

    assertThatThrownBy(() -> run("g", "a", "n"))
        .hasMessageStartingWith("_templates/g/a/prompt.js:3: ")
        .hasMessageContaining("no questions");
  }

  @Test
  void a_target_outside_the_working_tree_is_refused_before_anything_is_written()
      throws IOException {
    write("_templates/g/a/a.ejs.t", "---\nto: inside.txt\n---\nfine\n");
    write("_templates/g/a/b.ejs.t", "---\n# comment\nto: ../<%= name %>.txt\n---\nescape\n");

    assertThatThrownBy(() -> run("g", "a", "n"))
        .hasMessageStartingWith(
            "_templates/g/a/b.ejs.t:3: to: ../n.txt is outside the working tree")
        .hasMessageContaining("refused");
    assertThat(filesWritten()).isZero();
    assertThat(dir.resolve("n.txt")).doesNotExist();
  }

  @Test
  void invalid_front_matter_names_the_file() throws IOException {
    write("_templates/g/a/x.ejs.t", "---\nto: [unclosed\n---\nbody\n");

    assertThatThrownBy(() -> run("g", "a", "n"))
        .hasMessageStartingWith("_templates/g/a/x.ejs.t:")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void an_unknown_action_names_the_generator_and_folder() throws IOException {
    write("_templates/g/a/x.ejs.t", "---\nto: x.txt\n---\nbody\n");

    assertThatThrownBy(() -> run("g", "zzz"))
        .hasMessageContaining("no action 'zzz' for generator 'g'");
  }
}
