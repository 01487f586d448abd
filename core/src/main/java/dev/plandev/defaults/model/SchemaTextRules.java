package dev.plandev.defaults.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SchemaId;
import dev.plandev.defaults.model.InvalidInputException.FieldError;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a value schema's own text may not hold, checked before anything compiles it: references to
 * anything but itself, a {@code $schema} other than a standard draft, numbers out of range, a
 * {@code multipleOf} that is not positive, and nesting deeper than {@link ValueSchemas#MAX_DEPTH}.
 *
 * <p>The walk knows which nodes are schemas, which map names to schemas, and which are data (the
 * value of {@code enum}, {@code const}, {@code default}, {@code examples}), so that a {@code
 * "$ref"} inside data is not taken for a reference.
 */
final class SchemaTextRules {
  private SchemaTextRules() {}

  private static final Set<String> REFERENCES = Set.of("$ref", "$dynamicRef", "$recursiveRef");

  /** Keywords whose value is data, not a schema: a "$ref" inside one is not a reference. */
  private static final Set<String> DATA = Set.of("enum", "const", "default", "examples");

  /** Keywords whose value maps names to schemas. */
  private static final Set<String> SCHEMA_MAPS =
      Set.of(
          "properties",
          "patternProperties",
          "$defs",
          "definitions",
          "dependentSchemas",
          "dependencies");

  /** The standard drafts, by any of the names networknt knows them by; all are built in. */
  private static final Pattern STANDARD_DRAFT =
      Pattern.compile(
          "https?://json-schema\\.org/(draft-0[467]/schema|draft/20(19-09|20-12)/schema)#?");

  /** What the schema's own text breaks of the rules above, before anything compiles it. */
  static List<FieldError> refusals(JsonNode root) {
    List<FieldError> errors = new ArrayList<>();
    Deque<Visit> todo = new ArrayDeque<>();
    todo.push(new Visit(root, "", 1, Role.SCHEMA));
    while (!todo.isEmpty() && errors.size() < ValueSchemas.MAX_ERRORS) {
      Visit v = todo.pop();
      if (v.node().isContainerNode() && v.depth() > ValueSchemas.MAX_DEPTH) {
        errors.add(
            err("valueSchema", "is nested more than " + ValueSchemas.MAX_DEPTH + " levels deep"));
        return errors;
      }
      if (v.node().isNumber()) {
        checkNumber(v, errors);
      } else if (v.node().isObject()) {
        List<Visit> children = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.node().fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> f = it.next();
          if (v.role() == Role.SCHEMA) {
            checkKeyword(f.getKey(), f.getValue(), errors);
          }
          children.add(v.child(f.getKey(), f.getValue()));
        }
        for (int i = children.size() - 1; i >= 0; i--) {
          todo.push(children.get(i));
        }
      } else if (v.node().isArray()) {
        for (int i = v.node().size() - 1; i >= 0; i--) {
          todo.push(new Visit(v.node().get(i), v.pointer() + "/" + i, v.depth() + 1, v.role()));
        }
      }
    }
    return errors;
  }

  private static void checkKeyword(String name, JsonNode value, List<FieldError> errors) {
    if (REFERENCES.contains(name) && value.isTextual() && !value.textValue().startsWith("#")) {
      errors.add(
          err(
              "valueSchema",
              name
                  + " '"
                  + Texts.truncate(value.textValue())
                  + "' is not allowed; "
                  + ValueSchemas.ONLY_ITSELF));
    } else if ("$schema".equals(name)
        && value.isTextual()
        && !STANDARD_DRAFT.matcher(value.textValue()).matches()) {
      errors.add(
          err(
              "valueSchema",
              "$schema '"
                  + Texts.truncate(value.textValue())
                  + "' is not allowed; leave it out (value schemas are JSON Schema draft 2020-12)"
                  + " or name a standard draft such as "
                  + SchemaId.V202012));
    } else if ("multipleOf".equals(name)
        && value.isNumber()
        && NumberBounds.firstOutOfRange(value) == null
        && value.decimalValue().signum() <= 0) {
      errors.add(
          err(
              "valueSchema",
              "multipleOf must be a number greater than 0; got '" + value.asText() + "'"));
    }
  }

  private static void checkNumber(Visit v, List<FieldError> errors) {
    NumberBounds.OutOfRange out = NumberBounds.firstOutOfRange(v.node());
    if (out != null) {
      errors.add(
          err(
              "valueSchema",
              "the number at "
                  + Texts.truncate(v.pointer())
                  + " "
                  + NumberBounds.RULE
                  + "; got '"
                  + Texts.truncate(out.text())
                  + "'"));
    }
  }

  private static FieldError err(String field, String message) {
    return new FieldError(field, message);
  }

  /** What a node of a schema is: a schema, a map of names to schemas, or data. */
  private enum Role {
    SCHEMA,
    SCHEMA_MAP,
    DATA
  }

  /** A node to visit, where it is and what it is. */
  private record Visit(JsonNode node, String pointer, int depth, Role role) {
    Visit child(String name, JsonNode value) {
      Role r =
          role != Role.SCHEMA
              ? (role == Role.SCHEMA_MAP ? Role.SCHEMA : Role.DATA)
              : DATA.contains(name)
                  ? Role.DATA
                  : SCHEMA_MAPS.contains(name) ? Role.SCHEMA_MAP : Role.SCHEMA;
      return new Visit(
          value, pointer + "/" + name.replace("~", "~0").replace("/", "~1"), depth + 1, r);
    }
  }
}
