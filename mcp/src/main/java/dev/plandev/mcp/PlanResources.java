package dev.plandev.mcp;

import dev.plandev.plans.PlanDocument;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plans under the roots as MCP resources {@code plan://<path relative to its root>}, so an
 * agent can read a plan without a tool call.
 *
 * <p>Listing shows the plans found when the server started or when the roots last changed (they may
 * follow the client's), plus those {@code plan_new} created since: the SDK keeps a table of listed
 * resources. The template {@code plan://{+path}} reads any plan under the roots, including ones
 * that appeared later.
 */
final class PlanResources {
  static final String SCHEME = "plan://";
  static final String MIME = "text/markdown";

  private final PlanRoots roots;

  PlanResources(PlanRoots roots) {
    this.roots = roots;
  }

  static String uri(String relative) {
    return SCHEME + relative;
  }

  /** One listed resource per plan now under the roots. */
  List<SyncResourceSpecification> listed() {
    List<SyncResourceSpecification> specs = new ArrayList<>();
    for (Map.Entry<String, Path> plan : roots.plans().entrySet()) {
      specs.add(spec(plan.getKey(), plan.getValue()));
    }
    return specs;
  }

  /** The listed resource of one plan file under the roots. */
  SyncResourceSpecification spec(Path file) {
    return spec(roots.relative(file), file);
  }

  /** Reads any plan under the roots by URI. */
  SyncResourceTemplateSpecification template() {
    McpSchema.ResourceTemplate template =
        McpSchema.ResourceTemplate.builder(SCHEME + "{+path}", "plan")
            .description("A Markdown plan by its path relative to a plan root")
            .mimeType(MIME)
            .build();
    return new SyncResourceTemplateSpecification(template, this::read);
  }

  private SyncResourceSpecification spec(String relative, Path file) {
    Resource resource =
        Resource.builder(uri(relative), relative).mimeType(MIME).size(size(file)).build();
    return new SyncResourceSpecification(resource, this::read);
  }

  private ReadResourceResult read(McpSyncServerExchange exchange, ReadResourceRequest request) {
    String uri = request.uri();
    if (!uri.startsWith(SCHEME)) {
      throw new InvalidArgumentException("resource URIs look like plan://docs/plan.md; got " + uri);
    }
    String relative = uri.substring(SCHEME.length());
    if (relative.contains("%")) {
      relative = URLDecoder.decode(relative.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
    String text = PlanDocument.parse(roots.existing(relative)).toString();
    return ReadResourceResult.builder(
            List.of(McpSchema.TextResourceContents.builder(uri, text).mimeType(MIME).build()))
        .build();
  }

  private static Long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return null;
    }
  }
}
