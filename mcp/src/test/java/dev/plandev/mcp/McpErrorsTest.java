package dev.plandev.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.Test;

/** Failures nobody foresaw are told in plain words with a log reference, not as Java classes. */
class McpErrorsTest {
  @Test
  void unexpectedToolFailure_showsNoClassNameNorItsMessage_butALogReference() {
    CallToolResult result =
        McpErrors.toolFailure("plan_status", new IllegalStateException("STOPPED"));

    String text = ((McpSchema.TextContent) result.content().get(0)).text();
    assertThat(result.isError()).isTrue();
    assertThat(text)
        .startsWith("plan_status: internal error in plandev, not caused by the request")
        .containsPattern("under reference [0-9a-f-]{36}")
        .doesNotContain("IllegalStateException", "STOPPED", "Exception");
  }

  @Test
  void unexpectedReadFailure_showsNoClassName_butALogReference() {
    McpError error = McpErrors.readFailure("plan://x.md", new NullPointerException("x is null"));

    assertThat(error.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INTERNAL_ERROR);
    assertThat(error.getJsonRpcError().message())
        .contains("under reference")
        .doesNotContain("NullPointerException", "x is null");
  }
}
