package dev.plandev.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plandev.defaults.SmartDefaults;
import io.javalin.Javalin;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP SDK's own client over streamable HTTP against the endpoint mounted in Javalin 6 (Jetty
 * 11, jakarta.servlet 5) on a random port, the way the plandev service mounts it.
 */
class McpHttpEndpointTest {
  @TempDir Path dir;
  Path root;
  SmartDefaults engine;
  McpHttpEndpoint endpoint;
  Javalin app;

  @BeforeEach
  void start() throws Exception {
    root = TestPlans.root(dir);
    engine = TestPlans.engine(dir);
    PlandevMcp mcp =
        PlandevMcp.builder()
            .roots(List.of(root))
            .defaults(() -> engine)
            .clock(Clock.systemUTC())
            .build();
    endpoint =
        new McpHttpEndpoint(
            mcp,
            request ->
                switch (String.valueOf(request.getHeader("Authorization"))) {
                  case "Bearer editor-key" -> Optional.of(new McpCaller("key:ci-editor", true));
                  case "Bearer reader-key" -> Optional.of(new McpCaller("key:ci-reader", false));
                  default -> Optional.empty();
                });
    app = JavalinMount.start(endpoint);
  }

  @AfterEach
  void stop() {
    app.stop();
    engine.close();
  }

  McpSyncClient client(String key) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + app.port())
            .endpoint(McpHttpEndpoint.PATH)
            .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
            .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + key))
            .build();
    McpSyncClient client =
        McpClient.sync(transport)
            .clientInfo(McpSchema.Implementation.builder("test", "1").build())
            .jsonSchemaValidator(new SchemaCheck(new ObjectMapper()))
            .build();
    client.initialize();
    return client;
  }

  static CallToolRequest call(String tool, Map<String, Object> arguments) {
    return CallToolRequest.builder(tool).arguments(arguments).build();
  }

  static String text(CallToolResult r) {
    return ((TextContent) r.content().get(0)).text();
  }

  @Test
  void toolsAndResources_overHttp() throws Exception {
    try (McpSyncClient client = client("editor-key")) {
      assertThat(client.listTools().tools())
          .extracting(McpSchema.Tool::name)
          .containsExactly(
              "plan_status",
              "plan_next",
              "plan_show",
              "plan_find",
              "plan_add",
              "plan_update",
              "plan_lint",
              "plan_new",
              "defaults_get",
              "defaults_suggest",
              "defaults_set",
              "defaults_feedback");

      CallToolResult status = client.callTool(call("plan_status", Map.of("plan", "docs/plan.md")));
      assertThat(status.isError()).isNotEqualTo(Boolean.TRUE);
      assertThat(text(status)).startsWith("Plan de dev v1: 1/5 20%");
      assertThat(((Map<?, ?>) status.structuredContent()).get("total")).isEqualTo(5);

      CallToolResult update =
          client.callTool(
              call("plan_update", Map.of("plan", "docs/plan.md", "check", List.of("2.1"))));
      assertThat(text(update)).contains("checked 2.1");
      assertThat(Files.readString(root.resolve("docs/plan.md"))).contains("- [x] **2.1** Publier");

      CallToolResult set =
          client.callTool(call("defaults_set", Map.of("key", "plan.author", "value", "Ada")));
      assertThat(text(set)).startsWith("set plan.author");
      assertThat(engine.store().changes("plan.author", 1, 10).items().get(0).actor())
          .isEqualTo("key:ci-editor");

      assertThat(client.listResources().resources())
          .extracting(McpSchema.Resource::uri)
          .containsExactly("plan://docs/plan.md");
      TextResourceContents plan =
          (TextResourceContents)
              client
                  .readResource(
                      McpSchema.ReadResourceRequest.builder("plan://docs/plan.md").build())
                  .contents()
                  .get(0);
      assertThat(plan.text()).contains("# Plan de dev v1");
    }
  }

  @Test
  void errors_protocolForBadCalls_isErrorForFailedWork() {
    try (McpSyncClient client = client("editor-key")) {
      assertThatThrownBy(() -> client.callTool(call("plan_delete", Map.of())))
          .isInstanceOf(McpError.class)
          .satisfies(e -> assertThat(((McpError) e).getJsonRpcError().code()).isEqualTo(-32602));
      assertThatThrownBy(
              () ->
                  client.callTool(
                      call("plan_status", Map.of("plan", "docs/plan.md", "depth", "deep"))))
          .isInstanceOf(McpError.class)
          .hasMessageContaining("'depth' must be an integer");

      CallToolResult outside = client.callTool(call("plan_status", Map.of("plan", "../secret.md")));
      assertThat(outside.isError()).isTrue();
      assertThat(text(outside))
          .contains("outside the plan roots")
          .contains(root.getFileName().toString());

      CallToolResult unknownTask =
          client.callTool(
              call("plan_update", Map.of("plan", "docs/plan.md", "check", List.of("9.9"))));
      assertThat(unknownTask.isError()).isTrue();
      assertThat(text(unknownTask)).contains("no task matches '9.9'").contains("plan_next");

      assertThatThrownBy(
              () ->
                  client.readResource(
                      McpSchema.ReadResourceRequest.builder("plan://../secret.md").build()))
          .isInstanceOf(McpError.class)
          .hasMessageContaining("outside the plan roots");
    }
  }

  @Test
  void readerKey_mayReadButNotWrite() {
    try (McpSyncClient client = client("reader-key")) {
      assertThat(client.callTool(call("plan_next", Map.of("plan", "docs/plan.md"))).isError())
          .isNotEqualTo(Boolean.TRUE);
      CallToolResult write =
          client.callTool(
              call("plan_update", Map.of("plan", "docs/plan.md", "check", List.of("2.1"))));
      assertThat(write.isError()).isTrue();
      assertThat(text(write)).contains("may only read");
    }
  }

  @Test
  void missingOrWrongKey_is401() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/mcp"))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .contains("Bearer realm=\"plandev\"");
    assertThat(response.body()).contains("Authorization: Bearer");
  }
}
