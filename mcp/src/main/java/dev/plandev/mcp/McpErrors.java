package dev.plandev.mcp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.PlandevException;
import dev.plandev.plans.PlanException;
import dev.plandev.plans.TaskNotFoundException;
import dev.plandev.plans.generate.MissingAnswersException;
import dev.plandev.plans.generate.Prompt;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become MCP errors.
 *
 * <p>Following the MCP specification's two kinds of tool errors: a call that does not fit the
 * tool's schema ({@link InvalidArgumentException}) is a JSON-RPC error -32602, like an unknown tool
 * (which the SDK reports itself); everything that goes wrong while the tool runs — no such plan or
 * task, a path outside the roots, a key the engine refuses, a failed write — is a tool result with
 * {@code isError: true} whose text says what to change, so the model can correct itself. Resource
 * reads have no such result, so their failures are JSON-RPC errors: -32002 when the plan cannot be
 * had, -32603 for the unexpected.
 */
final class McpErrors {
  private static final Logger LOG = LoggerFactory.getLogger(McpErrors.class);

  private McpErrors() {}

  /**
   * The tool result for a failed call.
   *
   * @throws McpError for arguments that do not fit the schema
   */
  static CallToolResult toolFailure(String tool, RuntimeException e) {
    if (e instanceof InvalidArgumentException) {
      throw invalidParams(e.getMessage());
    }
    String message;
    if (e instanceof MissingAnswersException m) {
      message = missingAnswers(m);
    } else if (e instanceof TaskNotFoundException) {
      message = e.getMessage() + " (over MCP: plan_find and plan_next list task ids)";
    } else if (e instanceof McpToolException
        || e instanceof PlanException
        || e instanceof PlandevException) {
      message = e.getMessage();
    } else {
      String reference = Actor.newCorrelationId();
      LOG.warn("tool {} failed unexpectedly (reference {})", tool, reference, e);
      message = unexpected(reference);
    }
    return CallToolResult.builder()
        .content(List.of(McpSchema.TextContent.builder(tool + ": " + message).build()))
        .structuredContent(Map.of("error", message))
        .isError(true)
        .build();
  }

  /** The JSON-RPC error for a failed resource read. */
  static McpError readFailure(String uri, RuntimeException e) {
    if (e instanceof McpError known) {
      return known;
    }
    if (e instanceof InvalidArgumentException) {
      return invalidParams(e.getMessage());
    }
    if (e instanceof McpToolException || e instanceof PlanException) {
      return McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
          .message(e.getMessage())
          .data(Map.of("uri", uri))
          .build();
    }
    String reference = Actor.newCorrelationId();
    LOG.warn("reading {} failed unexpectedly (reference {})", uri, reference, e);
    return McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
        .message(unexpected(reference))
        .build();
  }

  static McpError invalidParams(String message) {
    return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(message).build();
  }

  /** The JSON-RPC parse error (-32700) for a message that could not be read: its id is unknown. */
  static String parseError(String message) {
    return jsonRpcError(McpSchema.ErrorCodes.PARSE_ERROR, null, message);
  }

  /** The JSON-RPC error -32600 for JSON that is no JSON-RPC message; {@code id} may be null. */
  static String invalidRequest(JsonNode id, String message) {
    return jsonRpcError(McpSchema.ErrorCodes.INVALID_REQUEST, id, message);
  }

  /**
   * A Jackson module writing an {@link McpError} as a JSON-RPC error answer: the SDK's HTTP
   * transport writes the errors it finds itself (a wrong content type, a missing session) by
   * serialising the exception, which would otherwise send its stack trace and class names.
   */
  static Module jsonModule() {
    return new SimpleModule("plandev-mcp-errors")
        .addSerializer(
            McpError.class,
            new StdSerializer<>(McpError.class) {
              @Override
              public void serialize(McpError e, JsonGenerator out, SerializerProvider provider)
                  throws IOException {
                JSONRPCError error = e.getJsonRpcError();
                out.writeRawValue(
                    error == null
                        ? jsonRpcError(McpSchema.ErrorCodes.INTERNAL_ERROR, null, "internal error")
                        : jsonRpcError(error.code(), null, error.message()));
              }
            });
  }

  private static String jsonRpcError(int code, JsonNode id, String message) {
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    answer.put("jsonrpc", McpSchema.JSONRPC_VERSION);
    answer.set("id", id == null ? NullNode.getInstance() : id);
    ObjectNode error = answer.putObject("error");
    error.put("code", code);
    error.put("message", message);
    return answer.toString();
  }

  private static String missingAnswers(MissingAnswersException m) {
    List<Prompt> missing = m.missing();
    String list =
        missing.stream()
            .map(p -> p.name() + " (" + p.message() + ")")
            .collect(Collectors.joining(", "));
    String example =
        missing.stream().map(p -> "\"" + p.name() + "\": \"…\"").collect(Collectors.joining(", "));
    return "the template needs answers for "
        + list
        + "; pass them as answers, e.g. {"
        + example
        + "}";
  }

  /**
   * The message of a failure nobody foresaw. Its exception's class and message mean nothing to the
   * model or the person reading the answer (and may show internals), so they go to the log only,
   * under a reference the answer quotes.
   */
  private static String unexpected(String reference) {
    return "internal error in plandev, not caused by the request; the plandev log has the details"
        + " under reference "
        + reference
        + " (report it to whoever runs plandev if it happens again)";
  }
}
