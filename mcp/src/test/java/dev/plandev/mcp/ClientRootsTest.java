package dev.plandev.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Root;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP SDK's client, declaring workspace roots, against a stdio server in a process of its own
 * ({@link StdioServerProcess}) started with its own root {@code plans/} holding {@code
 * docs/plan.md}: the plan roots follow the client's folders and their changes unless roots were
 * given.
 */
class ClientRootsTest {
  @TempDir Path dir;
  Path main;
  Path worktree;
  McpSyncClient client;

  @BeforeEach
  void folders() throws IOException {
    main = plan("repo", "a.md", "Alpha");
    worktree = plan("repo-feature", "b.md", "Beta");
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.closeGracefully();
    }
  }

  @Test
  void followsTheClientsRoots_severalWorktrees_andTheirChanges() {
    connect(
        true,
        List.of(
            new Root(main.toUri().toString(), "repo"),
            new Root(dir.resolve("gone").toUri().toString(), "missing folder"),
            new Root("https://example.com/repo", "not a file root")));

    assertThat(find("")).contains("a.md:5 1.1 **1.1** Alpha task").doesNotContain("plan.md");
    CallToolResult startingRoot = call("plan_status", Map.of("plan", "docs/plan.md"));
    assertThat(startingRoot.isError()).isTrue();
    assertThat(text(startingRoot)).contains("no plan 'docs/plan.md'");
    assertThat(client.listResources().resources())
        .extracting(McpSchema.Resource::uri)
        .containsExactly("plan://a.md");

    client.addRoot(new Root(worktree.toUri().toString(), "repo-feature"));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(find("")).contains("a.md:5 1.1").contains("b.md:5 1.1 **1.1** Beta"));
    assertThat(text(call("plan_show", Map.of("plan", "b.md", "task", "1.1"))))
        .startsWith("1.1 [ ] **1.1** Beta task");

    client.removeRoot(main.toUri().toString());
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(find("")).doesNotContain("a.md").contains("b.md"));
    assertThat(client.listResources().resources())
        .extracting(McpSchema.Resource::uri)
        .containsExactly("plan://b.md");
  }

  @Test
  void rootGivenToTheServer_clientRootsAreIgnored() {
    connect(false, List.of(new Root(main.toUri().toString(), "repo")));

    assertThat(find("")).contains("docs/plan.md:9 1.1").doesNotContain("Alpha");
    assertThat(call("plan_status", Map.of("plan", "a.md")).isError()).isTrue();
  }

  @Test
  void clientWithoutRoots_keepsTheStartingRoot() {
    connect(true, null);

    assertThat(text(call("plan_status", Map.of("plan", "docs/plan.md"))))
        .startsWith("Plan de dev v1: 1/5 20%");
  }

  private Path plan(String folder, String name, String word) throws IOException {
    Path root = Files.createDirectories(dir.resolve(folder));
    Files.writeString(
        root.resolve(name), "# " + word + "\n\n## 1 X\n\n- [ ] **1.1** " + word + " task\n");
    return root;
  }

  private void connect(boolean follow, List<Root> roots) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> args =
        new ArrayList<>(
            List.of(
                "-cp",
                System.getProperty("java.class.path"),
                StdioServerProcess.class.getName(),
                dir.toString()));
    if (follow) {
      args.add("follow");
    }
    StdioClientTransport transport =
        new StdioClientTransport(
            ServerParameters.builder(java.toString()).args(args).build(),
            new JacksonMcpJsonMapper(new ObjectMapper()));
    McpClient.SyncSpec spec =
        McpClient.sync(transport)
            .clientInfo(McpSchema.Implementation.builder("roots-test", "1").build())
            .jsonSchemaValidator(PlandevMcp.jsonSchemaValidator())
            .requestTimeout(Duration.ofSeconds(60))
            .initializationTimeout(Duration.ofSeconds(60));
    if (roots != null) {
      spec.capabilities(McpSchema.ClientCapabilities.builder().roots(true).build()).roots(roots);
    }
    client = spec.build();
    client.initialize();
  }

  private String find(String query) {
    return text(call("plan_find", Map.of("query", query)));
  }

  private CallToolResult call(String tool, Map<String, Object> arguments) {
    return client.callTool(CallToolRequest.builder(tool).arguments(arguments).build());
  }

  private static String text(CallToolResult r) {
    return ((TextContent) r.content().get(0)).text();
  }
}
