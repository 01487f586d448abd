package dev.plandev.mcp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The check every incoming MCP message passes before the SDK reads it, over stdio and HTTP alike:
 * UTF-8 JSON of at most {@link #MAX_BYTES} bytes nesting at most {@link #MAX_DEPTH} levels, one
 * JSON-RPC object the SDK can read.
 *
 * <p>Why here: the SDK gives up on anything else. Over stdio its reader stops for good at the first
 * line it cannot read; over HTTP it answers with a serialised Java exception. A message that fails
 * gets a JSON-RPC error instead: -32700 when it is not JSON (or too big or too deep to be read),
 * -32600 when it is JSON but no JSON-RPC message.
 */
final class JsonRpcCheck {
  /** The largest message: a plan of a few megabytes still fits in a {@code plan_new} call. */
  static final int MAX_BYTES = 4 * 1024 * 1024;

  /** The deepest nesting of arrays and objects: MCP messages, tool arguments included, use < 10. */
  static final int MAX_DEPTH = 64;

  static final String TOO_LONG =
      "the message is longer than 4 MiB (" + MAX_BYTES + " bytes); send a smaller message";

  private static final ObjectMapper PARSER =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_DEPTH)
                          .maxDocumentLength(MAX_BYTES)
                          .build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final McpJsonMapper sdkJson;

  /** A check that {@code sdkJson}, the mapper the SDK reads messages with, can read what passes. */
  JsonRpcCheck(McpJsonMapper sdkJson) {
    this.sdkJson = sdkJson;
  }

  /** The JSON-RPC error answering the message, or empty when the SDK can have it. */
  Optional<String> rejection(byte[] bytes, int length) {
    if (length > MAX_BYTES) {
      return Optional.of(McpErrors.parseError(TOO_LONG));
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, 0, length))
              .toString();
    } catch (CharacterCodingException e) {
      return Optional.of(
          McpErrors.parseError("the message is not UTF-8 text; send JSON encoded as UTF-8"));
    }
    JsonNode message;
    try {
      message = PARSER.readTree(text);
    } catch (StreamConstraintsException e) {
      return Optional.of(
          McpErrors.parseError(
              "the message nests arrays and objects deeper than "
                  + MAX_DEPTH
                  + " levels; send a flatter message"));
    } catch (JsonProcessingException e) {
      return Optional.of(McpErrors.parseError(notJson(e.getLocation())));
    }
    if (message == null || message.isMissingNode()) {
      return Optional.of(McpErrors.parseError("the message is empty; send one JSON-RPC message"));
    }
    return shapeProblem(message, text)
        .map(problem -> McpErrors.invalidRequest(validId(message.get("id")), problem));
  }

  private Optional<String> shapeProblem(JsonNode message, String text) {
    if (!message.isObject()) {
      return Optional.of(
          "a JSON-RPC message is one JSON object with a \"method\" (batches are not supported)");
    }
    JsonNode id = message.get("id");
    JsonNode method = message.get("method");
    JsonNode params = message.get("params");
    if (id != null && validId(id) == null) {
      return Optional.of("the \"id\" must be a string or a number");
    }
    if (method != null && !method.isTextual()) {
      return Optional.of("the \"method\" must be a string such as \"tools/list\"");
    }
    if (method == null && (id == null || !(message.has("result") || message.has("error")))) {
      return Optional.of(
          "a JSON-RPC message has a \"method\" (a request or notification), or an \"id\" and a"
              + " \"result\" or \"error\" (a response)");
    }
    if (params != null && !params.isObject() && !params.isNull()) {
      return Optional.of("the \"params\" must be a JSON object");
    }
    try {
      McpSchema.deserializeJsonRpcMessage(sdkJson, text);
      return Optional.empty();
    } catch (Exception e) {
      // What the SDK says names Java types: the client gets a plain account of the rule instead.
      return Optional.of(
          "the message does not fit JSON-RPC 2.0: a \"result\" is any JSON value, an \"error\""
              + " an object with a numeric \"code\" and a string \"message\"");
    }
  }

  private static JsonNode validId(JsonNode id) {
    return id != null && (id.isTextual() || id.isNumber()) ? id : null;
  }

  private static String notJson(JsonLocation where) {
    String at =
        where == null
            ? ""
            : " (at line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    return "the message is not valid JSON" + at + "; send one JSON-RPC message in JSON";
  }
}
