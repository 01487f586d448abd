package dev.plandev.defaults.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The value checks of each type, with their exact messages, and the order in which they stop. */
class EntryValidatorTest {
  private static final String ENVS = "{\"enum\":[\"dev\",\"prod\"]}";
  private final EntryValidator validator = new EntryValidator(65_536, 16);

  @Test
  void integer_wholeNumberAccepted_otherwiseNamed() {
    assertThat(valid(spec("42", ValueType.INTEGER)).value()).isEqualTo("42");
    assertThat(errors(spec("4.2", ValueType.INTEGER)))
        .containsExactly("value: must be a whole number for type integer; got '4.2'");
  }

  @Test
  void number_decimalAccepted_otherwiseNamed() {
    assertThat(valid(spec(" 1e3 ", ValueType.NUMBER)).value()).isEqualTo(" 1e3 ");
    assertThat(errors(spec("many", ValueType.NUMBER)))
        .containsExactly("value: must be a number for type number; got 'many'");
  }

  @Test
  void boolean_isStoredLowerCase_otherwiseNamed() {
    assertThat(valid(spec(" TRUE ", ValueType.BOOLEAN)).value()).isEqualTo("true");
    assertThat(errors(spec("yes", ValueType.BOOLEAN)))
        .containsExactly("value: must be true or false for type boolean; got 'yes'");
  }

  @Test
  void json_emptyOrBroken_isNamed() {
    assertThat(valid(spec("[1, 2]", ValueType.JSON)).value()).isEqualTo("[1, 2]");
    assertThat(errors(spec("", ValueType.JSON)))
        .containsExactly("value: must be valid JSON for type json; got ''");
    assertThat(errors(spec("{oops", ValueType.JSON)))
        .containsExactly("value: must be valid JSON for type json; got '{oops'");
  }

  @Test
  void enum_needsASchemaWithAnEnumList() {
    assertThat(valid(spec("dev", ValueType.ENUM).withSchema(ENVS)).value()).isEqualTo("dev");
    assertThat(errors(spec("dev", ValueType.ENUM)))
        .containsExactly(
            "valueSchema: type enum needs a JSON Schema with an \"enum\" list, for example"
                + " {\"enum\":[\"dev\",\"prod\"]}");
    assertThat(errors(spec("qa", ValueType.ENUM).withSchema(ENVS)))
        .singleElement()
        .asString()
        .startsWith("value: does not match valueSchema: ")
        .endsWith("; got 'qa'");
  }

  @Test
  void schema_notAnObjectOrNotJson_isNamed() {
    assertThat(errors(spec("x", ValueType.STRING).withSchema("[1]")))
        .containsExactly("valueSchema: must be a JSON object (a JSON Schema); got '[1]'");
    assertThat(errors(spec("x", ValueType.STRING).withSchema("{nope")))
        .singleElement()
        .asString()
        .startsWith("valueSchema: is not a valid JSON Schema (");
  }

  @Test
  void schema_isCheckedAgainstTheValueAsItsTypeReadsIt() {
    String flag = "{\"const\":true}";
    assertThat(valid(spec("TRUE", ValueType.BOOLEAN).withSchema(flag)).value()).isEqualTo("true");
    assertThat(errors(spec("FALSE", ValueType.BOOLEAN).withSchema(flag)))
        .singleElement()
        .asString()
        .endsWith("; got 'false'");
    String range = "{\"type\":\"integer\",\"minimum\":1}";
    assertThat(errors(spec("0", ValueType.INTEGER).withSchema(range))).hasSize(1);
  }

  @Test
  void aValueNotOfItsType_isNotCheckedAgainstItsSchema() {
    assertThat(errors(spec("x", ValueType.INTEGER).withSchema("{\"minimum\":1}")))
        .containsExactly("value: must be a whole number for type integer; got 'x'");
  }

  @Test
  void blankSchema_meansNone() {
    assertThat(valid(spec("x", ValueType.STRING).withSchema("  ")).valueSchema()).isNull();
  }

  @Test
  void everyBrokenRule_isReportedAtOnce() {
    DefaultSpec bad = DefaultSpec.of("bad key", "x").withType(ValueType.INTEGER).withConfidence(2);
    assertThat(errors(bad))
        .containsExactly(
            "key: must be 1 to 128 characters of A-Z a-z 0-9 . _ : -; got 'bad key'",
            "value: must be a whole number for type integer; got 'x'",
            "confidence: must be within 0..1; got 2.0");
  }

  private static DefaultSpec spec(String value, ValueType type) {
    return DefaultSpec.of("k", value).withType(type);
  }

  private DefaultSpec valid(DefaultSpec spec) {
    return validator.validate(spec);
  }

  private List<String> errors(DefaultSpec spec) {
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> validator.validate(spec));
    assertThat(e).as("validation error").isNotNull();
    return e.errors().stream().map(InvalidInputException.FieldError::toString).toList();
  }
}
