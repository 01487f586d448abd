package dev.plandev.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tools plandev offers: their definitions, read from {@code tools.json} (one file to review,
 * and to measure, since agents pay for every token of it), joined to their implementations.
 */
final class ToolCatalog {
  static final String DEFINITIONS = "tools.json";

  private final List<Tool> definitions;
  private final Map<String, PlandevTool> byName;
  private final Function<McpSyncServerExchange, McpCaller> callers;
  private final Consumer<McpSyncServerExchange> prepare;

  /**
   * Joins {@code tools} to their definitions; {@code callers} tells who makes a call, and {@code
   * prepare} runs before each call (to learn the client's roots).
   */
  ToolCatalog(
      McpJsonMapper json,
      List<PlandevTool> tools,
      Function<McpSyncServerExchange, McpCaller> callers,
      Consumer<McpSyncServerExchange> prepare) {
    this.definitions = read(json);
    this.byName = tools.stream().collect(Collectors.toMap(PlandevTool::name, t -> t));
    this.callers = callers;
    this.prepare = prepare;
    Set<String> defined = definitions.stream().map(Tool::name).collect(Collectors.toSet());
    if (!defined.equals(byName.keySet())) {
      throw new IllegalStateException(
          "tools.json defines " + defined + " but the implementations are " + byName.keySet());
    }
  }

  /** The definitions as {@code tools/list} returns them. */
  List<Tool> definitions() {
    return definitions;
  }

  /** One SDK specification per tool, each call guarded by {@link McpErrors}. */
  List<SyncToolSpecification> specifications() {
    List<SyncToolSpecification> specs = new ArrayList<>();
    for (Tool tool : definitions) {
      PlandevTool impl = byName.get(tool.name());
      Set<String> known = argumentNames(tool);
      specs.add(
          SyncToolSpecification.builder()
              .tool(tool)
              .callHandler((exchange, request) -> call(impl, known, exchange, request))
              .build());
    }
    return specs;
  }

  private CallToolResult call(
      PlandevTool tool,
      Set<String> known,
      McpSyncServerExchange exchange,
      CallToolRequest request) {
    try {
      prepare.accept(exchange);
      ToolAnswer answer =
          tool.call(
              new Arguments(tool.name(), request.arguments(), known), callers.apply(exchange));
      return CallToolResult.builder()
          .content(List.of(TextContent.builder(answer.text()).build()))
          .structuredContent(answer.structured())
          .build();
    } catch (RuntimeException e) {
      return McpErrors.toolFailure(tool.name(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Set<String> argumentNames(Tool tool) {
    Object properties = tool.inputSchema().get("properties");
    return properties instanceof Map<?, ?> map
        ? new LinkedHashSet<>(((Map<String, Object>) map).keySet())
        : Set.of();
  }

  private static List<Tool> read(McpJsonMapper json) {
    try (InputStream in = ToolCatalog.class.getResourceAsStream(DEFINITIONS)) {
      if (in == null) {
        throw new IllegalStateException(DEFINITIONS + " is missing from the classpath");
      }
      return List.copyOf(json.readValue(in.readAllBytes(), new TypeRef<List<Tool>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFINITIONS, e);
    }
  }
}
