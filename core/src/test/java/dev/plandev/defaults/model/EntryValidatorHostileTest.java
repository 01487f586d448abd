package dev.plandev.defaults.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.plandev.defaults.testing.BaitServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile schemas and values (issue 13): a value schema never reaches the network or the file
 * system, checking a value is bounded in work, and numbers are bounded before any arithmetic. Each
 * case must end in an {@link InvalidInputException} naming the field, never another exception, and
 * promptly.
 */
class EntryValidatorHostileTest {
  private static final Duration PROMPTLY = Duration.ofSeconds(10);
  private static final String ONLY_ITSELF = "a value schema may only refer to itself ('#/…')";

  /**
   * The schema check's time backstop stands still here: which budget stops a hostile schema must
   * not depend on the machine's speed (on a loaded machine the 2 s backstop used to fire before the
   * step budgets these tests are about). A check that never ends still fails by PROMPTLY.
   */
  private final EntryValidator validator = new EntryValidator(65_536, 16, () -> 0L);

  private final BaitServers servers = new BaitServers();
  @TempDir Path dir;

  @AfterEach
  void stopServers() throws Exception {
    servers.close();
  }

  @Test
  void ref_toTheNetwork_isRefused_withoutAnyRequest() {
    AtomicInteger hits = new AtomicInteger();
    String base = servers.counting(hits);
    String ref = base + "/internal?token=1";
    assertThat(schemaErrors("x", ValueType.STRING, "{\"$ref\":\"" + ref + "\"}"))
        .containsExactly(
            "valueSchema: $ref '" + Texts.truncate(ref) + "' is not allowed; " + ONLY_ITSELF);
    assertThat(hits).hasValue(0);
  }

  @Test
  void everyWayToNameAnotherDocument_isRefused_withoutAnyRequest() {
    AtomicInteger hits = new AtomicInteger();
    String base = servers.counting(hits);
    List<String> schemas =
        List.of(
            "{\"$dynamicRef\":\"" + base + "/d\"}",
            "{\"$recursiveRef\":\"" + base + "/r\"}",
            "{\"properties\":{\"a\":{\"$ref\":\"" + base + "/nested\"}}}",
            "{\"$id\":\"" + base + "/a/\",\"$ref\":\"b.json\"}",
            "{\"$id\":\"" + base + "/a/\",\"$ref\":\"b.json#/x\"}",
            "{\"$ref\":\"classpath:logback.xml\"}",
            "{\"$ref\":\"resource:/jsv-messages.properties\"}",
            "{\"$ref\":\"https://json-schema.org/draft/2020-12/schema\"}");
    for (String schema : schemas) {
      assertThat(schemaErrors("x", ValueType.STRING, schema))
          .as(schema)
          .singleElement()
          .asString()
          .startsWith("valueSchema: $")
          .endsWith("is not allowed; " + ONLY_ITSELF);
    }
    assertThat(hits).hasValue(0);
  }

  @Test
  void schemaUri_thatIsNotAStandardDraft_isRefused_withoutAnyRequest() {
    AtomicInteger hits = new AtomicInteger();
    String meta = servers.counting(hits) + "/meta";
    assertThat(schemaErrors("x", ValueType.STRING, "{\"$schema\":\"" + meta + "\"}"))
        .containsExactly(
            "valueSchema: $schema '"
                + Texts.truncate(meta)
                + "' is not allowed; leave it out (value schemas are JSON Schema draft 2020-12)"
                + " or name a standard draft such as https://json-schema.org/draft/2020-12/schema");
    assertThat(hits).hasValue(0);
  }

  @Test
  void ref_toAServerThatNeverAnswers_isRefusedPromptly() throws IOException {
    AtomicInteger accepted = new AtomicInteger();
    String ref = servers.silent(accepted) + "/slow";
    List<String> errors =
        assertTimeoutPreemptively(
            PROMPTLY, () -> schemaErrors("x", ValueType.STRING, "{\"$ref\":\"" + ref + "\"}"));
    assertThat(errors).singleElement().asString().startsWith("valueSchema: $ref '");
    assertThat(accepted).hasValue(0);
  }

  @Test
  void ref_toAFile_isRefused_andTheFileNeverShows() throws IOException {
    String marker = "MARKER-7f3a9c";
    Path file = dir.resolve("c.json");
    Files.writeString(file, "{\"const\":\"" + marker + "\"} " + marker, StandardCharsets.UTF_8);
    for (String ref : List.of(file.toUri().toString(), "file:///etc/passwd", "c.json", "/etc")) {
      List<String> errors = schemaErrors("x", ValueType.STRING, "{\"$ref\":\"" + ref + "\"}");
      assertThat(errors).as(ref).singleElement().asString().startsWith("valueSchema: $ref '");
      assertThat(String.join("\n", errors)).doesNotContain(marker).doesNotContain("root:");
    }
  }

  @Test
  void localReferences_andStandardDrafts_stillWork_withoutNetwork() {
    String port =
        "{\"$defs\":{\"port\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":65535}},"
            + "\"$ref\":\"#/$defs/port\"}";
    assertThat(validator.validate(spec("5432", ValueType.INTEGER).withSchema(port)).value())
        .isEqualTo("5432");
    assertThat(schemaErrors("0", ValueType.INTEGER, port))
        .singleElement()
        .asString()
        .startsWith("value: does not match valueSchema: ");
    String tree =
        "{\"$id\":\"https://example.invalid/tree\",\"type\":\"object\",\"properties\":{"
            + "\"children\":{\"type\":\"array\",\"items\":{\"$ref\":\"#\"}}},"
            + "\"additionalProperties\":false}";
    assertThat(
            validator.validate(
                spec("{\"children\":[{\"children\":[]}]}", ValueType.JSON).withSchema(tree)))
        .isNotNull();
    assertThat(schemaErrors("{\"children\":[{\"x\":1}]}", ValueType.JSON, tree)).hasSize(1);
    String anchored =
        "{\"$defs\":{\"env\":{\"$anchor\":\"env\",\"enum\":[\"dev\",\"prod\"]}},\"$ref\":\"#env\"}";
    assertThat(validator.validate(spec("dev", ValueType.ENUM).withSchema(anchored))).isNotNull();
    for (String draft :
        List.of(
            "https://json-schema.org/draft/2020-12/schema",
            "https://json-schema.org/draft/2019-09/schema",
            "http://json-schema.org/draft-07/schema#",
            "http://json-schema.org/draft-04/schema#")) {
      String schema = "{\"$schema\":\"" + draft + "\",\"maxLength\":3}";
      assertThat(validator.validate(spec("abc", ValueType.STRING).withSchema(schema)))
          .as(draft)
          .isNotNull();
      assertThat(schemaErrors("abcd", ValueType.STRING, schema)).as(draft).hasSize(1);
    }
  }

  @Test
  void schema_thatRefersToItselfWithoutEnd_isRefused() {
    for (String schema :
        List.of(
            "{\"$ref\":\"#\"}",
            "{\"$defs\":{\"a\":{\"allOf\":[{\"$ref\":\"#/$defs/b\"}]},"
                + "\"b\":{\"$ref\":\"#/$defs/a\"}},\"$ref\":\"#/$defs/a\"}")) {
      List<String> errors =
          assertTimeoutPreemptively(PROMPTLY, () -> schemaErrors("x", ValueType.STRING, schema));
      assertThat(errors)
          .as(schema)
          .containsExactly(
              "valueSchema: checking the value against this schema nests more than 256"
                  + " levels deep (a $ref that refers to itself?); simplify the schema");
    }
  }

  @Test
  void schema_thatMultipliesItsWork_isStoppedByItsBudget() {
    StringBuilder s = new StringBuilder("{\"$defs\":{");
    int levels = 40;
    for (int i = 0; i < levels; i++) {
      String next = "{\"$ref\":\"#/$defs/a" + (i + 1) + "\"}";
      s.append("\"a").append(i).append("\":{\"allOf\":[").append(next).append(',').append(next);
      s.append("]},");
    }
    s.append("\"a").append(levels).append("\":{\"type\":\"string\"}},\"$ref\":\"#/$defs/a0\"}");
    List<String> errors =
        assertTimeoutPreemptively(
            PROMPTLY, () -> schemaErrors("x", ValueType.STRING, s.toString()));
    assertThat(errors)
        .containsExactly(
            "valueSchema: checking the value against this schema takes more than 1000000"
                + " steps; simplify the schema");
  }

  @Test
  void pattern_thatBacktracksWithoutEnd_isStoppedByItsBudget() {
    // The JDK's regex memoises loops like ^(a+)+$, but a counted group is polynomial: n^12 here.
    String value = "a".repeat(64) + "!";
    List<String> errors =
        assertTimeoutPreemptively(
            PROMPTLY, () -> schemaErrors(value, ValueType.STRING, "{\"pattern\":\"^(.*a){12}b\"}"));
    assertThat(errors)
        .containsExactly(
            "valueSchema: matching the value against a pattern of this schema takes more than"
                + " 10000000 steps; simplify the pattern");
    String matching = "a".repeat(12) + "b";
    assertThat(
            validator.validate(
                spec(matching, ValueType.STRING).withSchema("{\"pattern\":\"^(.*a){12}b\"}")))
        .isNotNull();
  }

  @Test
  void hugeNumbers_areRefusedBeforeAnyArithmetic() {
    String outOfRange =
        " is out of range: a number may have at most 1000 digits and an exponent within ±1000";
    for (String n : List.of("1e100000", "1e1000000", "1e999999999", "-1E+1001", "1e-1001")) {
      List<String> errors =
          assertTimeoutPreemptively(
              PROMPTLY, () -> schemaErrors(n, ValueType.NUMBER, "{\"multipleOf\":0.0001}"));
      assertThat(errors).as(n).containsExactly("value:" + outOfRange + "; got '" + n + "'");
    }
    String digits = "7".repeat(1001);
    assertThat(schemaErrors(digits, ValueType.INTEGER, "{\"multipleOf\":3}"))
        .containsExactly("value:" + outOfRange + "; got '" + Texts.truncate(digits) + "'");
    assertThat(schemaErrors("1e9999999999", ValueType.NUMBER, "{\"multipleOf\":0.0001}"))
        .containsExactly("value: must be a number for type number; got '1e9999999999'");
    assertThat(schemaErrors("{\"a\":[1, 1e100000]}", ValueType.JSON, "{\"type\":\"object\"}"))
        .containsExactly("value: the number at /a/1" + outOfRange + "; got '1E+100000'");
    // Not only with a schema: a number out of range is refused as such.
    assertThat(errors(spec("1e100000", ValueType.NUMBER)))
        .containsExactly("value:" + outOfRange + "; got '1e100000'");
  }

  @Test
  void numbersAtTheBounds_areChecked_promptly() {
    List<String> values = List.of("1e1000", "-1e1000", "1e-1000", "9".repeat(1000), "1.5e999");
    assertTimeoutPreemptively(
        PROMPTLY,
        () -> {
          for (String n : values) {
            ValueType type = n.contains("e") ? ValueType.NUMBER : ValueType.INTEGER;
            for (String schema :
                List.of(
                    "{\"multipleOf\":1e-1000}",
                    "{\"multipleOf\":1e1000}",
                    "{\"maximum\":1e1000,\"minimum\":-1e1000}",
                    "{\"enum\":[1e1000,1e-1000]}",
                    "{\"const\":1e-1000}")) {
              try {
                validator.validate(spec(n, type).withSchema(schema));
              } catch (InvalidInputException e) {
                assertThat(e.errors())
                    .as(n + " " + schema)
                    .allSatisfy(f -> assertThat(f.field()).isEqualTo("value"));
              }
            }
          }
        });
    assertThat(
            validator.validate(
                spec("1e1000", ValueType.NUMBER).withSchema("{\"multipleOf\":0.0001}")))
        .isNotNull();
  }

  @Test
  void multipleOf_isExact_forLargeIntegers() {
    // Through double, 2^53 + 1 reads as 2^53, and 10^400 as Infinity.
    assertThat(schemaErrors("9007199254740993", ValueType.INTEGER, "{\"multipleOf\":2}"))
        .singleElement()
        .asString()
        .startsWith("value: does not match valueSchema: ");
    String big = "1" + "0".repeat(400);
    assertThat(validator.validate(spec(big, ValueType.INTEGER).withSchema("{\"multipleOf\":5}")))
        .isNotNull();
    assertThat(schemaErrors(big, ValueType.INTEGER, "{\"multipleOf\":7}"))
        .singleElement()
        .asString()
        .startsWith("value: does not match valueSchema: ");
    assertThat(
            validator.validate(
                spec("[" + big + "]", ValueType.JSON)
                    .withSchema("{\"items\":{\"multipleOf\":0.5}}")))
        .isNotNull();
  }

  @Test
  void hugeNumbersInTheSchema_areRefused() {
    for (String n : List.of("1e-100000", "1e100000", "1e999999999")) {
      List<String> errors =
          assertTimeoutPreemptively(
              PROMPTLY, () -> schemaErrors("3", ValueType.NUMBER, "{\"multipleOf\":" + n + "}"));
      assertThat(errors)
          .as(n)
          .singleElement()
          .asString()
          .startsWith(
              "valueSchema: the number at /multipleOf is out of range: a number may have at most"
                  + " 1000 digits and an exponent within ±1000; got '");
    }
    assertThat(schemaErrors("3", ValueType.NUMBER, "{\"multipleOf\":0}"))
        .containsExactly("valueSchema: multipleOf must be a number greater than 0; got '0'");
    assertThat(schemaErrors("3", ValueType.NUMBER, "{\"multipleOf\":0.0}"))
        .containsExactly("valueSchema: multipleOf must be a number greater than 0; got '0'");
    assertThat(schemaErrors("3", ValueType.NUMBER, "{\"multipleOf\":-2}"))
        .containsExactly("valueSchema: multipleOf must be a number greater than 0; got '-2'");
  }

  @Test
  void schema_nestedTooDeep_orTooLarge_isRefused() {
    String deep = "{\"not\":".repeat(80) + "{}" + "}".repeat(80);
    assertThat(schemaErrors("x", ValueType.STRING, deep))
        .containsExactly("valueSchema: is nested more than 64 levels deep");
    EntryValidator small = new EntryValidator(64, 16);
    String large = "{\"description\":\"" + "d".repeat(100) + "\"}";
    assertThat(errors(small, spec("x", ValueType.STRING).withSchema(large)))
        .containsExactly(
            "valueSchema: is 118 bytes, over the limit of 64 (security.maxValueBytes)");
  }

  @Test
  void value_nestedTooDeep_forItsSchema_isRefused() {
    String deep = "[".repeat(80) + "]".repeat(80);
    assertThat(schemaErrors(deep, ValueType.JSON, "{\"type\":\"array\"}"))
        .containsExactly(
            "value: is nested more than 64 levels deep to be checked against valueSchema");
  }

  private static DefaultSpec spec(String value, ValueType type) {
    return DefaultSpec.of("k", value).withType(type);
  }

  private List<String> schemaErrors(String value, ValueType type, String schema) {
    return errors(spec(value, type).withSchema(schema));
  }

  private List<String> errors(DefaultSpec spec) {
    return errors(validator, spec);
  }

  private static List<String> errors(EntryValidator v, DefaultSpec spec) {
    try {
      v.validate(spec);
    } catch (InvalidInputException e) {
      return e.errors().stream().map(InvalidInputException.FieldError::toString).toList();
    }
    throw new AssertionError("no validation error for " + spec);
  }
}
