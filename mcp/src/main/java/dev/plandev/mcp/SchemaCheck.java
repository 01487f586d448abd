package dev.plandev.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SDK's JSON Schema check done with the validator core already uses (networknt 1.5).
 *
 * <p>The SDK's own binding needs networknt 2.x or 3.x, whose classes share the package of 1.5 and
 * would clash with it in the one runnable jar. The SDK asks for this check on structured tool
 * output and, when enabled, on tool inputs (plandev checks its inputs itself in {@link Arguments}).
 */
final class SchemaCheck implements JsonSchemaValidator {
  private final ObjectMapper json;
  private final JsonSchemaFactory schemas =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  SchemaCheck(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object content) {
    try {
      JsonNode node = content instanceof String s ? json.readTree(s) : json.valueToTree(content);
      JsonSchema compiled = schemas.getSchema(json.valueToTree(schema));
      Set<ValidationMessage> problems = compiled.validate(node);
      if (problems.isEmpty()) {
        return ValidationResponse.asValid(json.writeValueAsString(node));
      }
      return ValidationResponse.asInvalid(
          "does not match the schema: "
              + problems.stream()
                  .map(ValidationMessage::getMessage)
                  .collect(Collectors.joining("; ")));
    } catch (JsonProcessingException | RuntimeException e) {
      return ValidationResponse.asInvalid("cannot check against the schema: " + e.getMessage());
    }
  }
}
