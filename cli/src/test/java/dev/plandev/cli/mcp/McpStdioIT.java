package dev.plandev.cli.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plandev.defaults.testing.Services;
import dev.plandev.mcp.PlandevMcp;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP SDK's client over stdio against the real runnable jar, {@code java -jar
 * cli/target/plandev.jar mcp}: a failsafe integration test, since the jar only exists after {@code
 * package}. Any byte on stdout that is not protocol would break the client's parsing.
 */
class McpStdioIT {
  @TempDir Path dir;

  McpSyncClient client(Path jar, String... args) {
    return client(jar, List.of(), args);
  }

  /** A client of {@code plandev mcp ARGS}, declaring {@code roots} when there are any. */
  McpSyncClient client(Path jar, List<McpSchema.Root> roots, String... args) {
    List<String> command = new ArrayList<>(List.of("-jar", jar.toString(), "mcp"));
    command.addAll(List.of(args));
    ServerParameters server = ServerParameters.builder("java").args(command).build();
    StdioClientTransport transport =
        new StdioClientTransport(server, new JacksonMcpJsonMapper(new ObjectMapper()));
    McpClient.SyncSpec spec =
        McpClient.sync(transport)
            .clientInfo(McpSchema.Implementation.builder("plandev-it", "1").build())
            .jsonSchemaValidator(PlandevMcp.jsonSchemaValidator())
            .requestTimeout(Duration.ofSeconds(60))
            .initializationTimeout(Duration.ofSeconds(60));
    if (!roots.isEmpty()) {
      spec.capabilities(McpSchema.ClientCapabilities.builder().roots(true).build()).roots(roots);
    }
    McpSyncClient client = spec.build();
    client.initialize();
    return client;
  }

  static Path jar() {
    Path jar = Path.of(System.getProperty("plandev.jar", "target/plandev.jar"));
    assertThat(jar).as("the runnable jar, built by mvn package").exists();
    return jar;
  }

  static CallToolRequest call(String tool, Map<String, Object> arguments) {
    return CallToolRequest.builder(tool).arguments(arguments).build();
  }

  static String text(CallToolResult r) {
    return ((TextContent) r.content().get(0)).text();
  }

  @Test
  void realJar_toolsResourcesAndALosslessUpdate() throws Exception {
    Path root = Files.createDirectories(dir.resolve("plans"));
    Path plan = root.resolve("plan.md");
    String original =
        "# Plan\r\n\r\n*Progression: 0%*\r\n\r\n## 1. Phase\r\n\r\n- [ ] **1.1** Écrire 🚀\r\n"
            + "- [ ] **1.2** Tester\r\n";
    Files.writeString(plan, original, StandardCharsets.UTF_8);

    try (McpSyncClient client =
        client(jar(), "--root", root.toString(), "--data", dir.resolve("data").toString())) {
      assertThat(client.listTools().tools()).hasSize(12);
      assertThat(text(client.callTool(call("plan_next", Map.of("plan", "plan.md")))))
          .startsWith("2 ready of 2 open in plan.md:");

      CallToolResult update =
          client.callTool(call("plan_update", Map.of("plan", "plan.md", "check", List.of("1.1"))));
      assertThat(text(update)).contains("checked 1.1").contains("1 progress line rewritten");

      assertThat(Files.readString(plan, StandardCharsets.UTF_8))
          .isEqualTo(original.replace("- [ ] **1.1**", "- [x] **1.1**").replace("0%*", "50%*"));

      assertThat(client.listResources().resources())
          .extracting(McpSchema.Resource::uri)
          .containsExactly("plan://plan.md");

      CallToolResult set =
          client.callTool(call("defaults_set", Map.of("key", "plan.author", "value", "Ada")));
      assertThat(text(set)).startsWith("set plan.author = \"Ada\"");
      CallToolResult get = client.callTool(call("defaults_get", Map.of("key", "plan.author")));
      assertThat(text(get)).startsWith("plan.author = \"Ada\"");

      CallToolResult outside =
          client.callTool(call("plan_status", Map.of("plan", "../elsewhere.md")));
      assertThat(outside.isError()).isTrue();
      assertThat(text(outside)).contains("outside the plan roots");
    }
  }

  @Test
  void realJar_withoutRoot_servesTheWorkspaceRootsTheClientDeclares() throws Exception {
    Path worktree = Files.createDirectories(dir.resolve("worktree"));
    Files.writeString(worktree.resolve("plan.md"), "# P\n\n## 1 A\n\n- [ ] **1.1** Zébulon\n");

    try (McpSyncClient client =
        client(
            jar(),
            List.of(new McpSchema.Root(worktree.toUri().toString(), "worktree")),
            "--data",
            dir.resolve("data").toString())) {
      CallToolResult found = client.callTool(call("plan_find", Map.of("query", "zebulon")));
      assertThat(text(found)).isEqualTo("1 task in 1 plan:\nplan.md:5 1.1 **1.1** Zébulon\n");
      CallToolResult added =
          client.callTool(
              call("plan_add", Map.of("plan", "plan.md", "section", "1", "text", "Suite")));
      assertThat(text(added)).contains("added 1.2 [ ] **1.2** Suite");
      assertThat(Files.readString(worktree.resolve("plan.md"), StandardCharsets.UTF_8))
          .endsWith("- [ ] **1.1** Zébulon\n- [ ] **1.2** Suite\n");
    }
  }

  @Test
  void realJar_corpusPlanStatus() throws Exception {
    Path corpus = Services.shared().resolve("corpus/plans");
    try (McpSyncClient client =
        client(jar(), "--root", corpus.toString(), "--data", dir.resolve("data").toString())) {
      assertThat(client.listResources().resources()).hasSizeGreaterThanOrEqualTo(99);
      CallToolResult status =
          client.callTool(
              call(
                  "plan_status",
                  Map.of("plan", "projet__roadmaps__plans__consolidated__roadmap_complete_2.md")));
      assertThat(status.isError()).isNotEqualTo(Boolean.TRUE);
      assertThat(text(status)).contains("/1718");
    }
  }
}
