package dev.plandev.mcp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The MCP server as a servlet speaking streamable HTTP, to mount at {@code /mcp} of the plandev
 * service behind the same API key check as the REST API.
 *
 * <p>Each request is authenticated first: without a caller it gets 401 (problem+json, {@code
 * WWW-Authenticate: Bearer}); otherwise the caller travels to the tools in the MCP transport
 * context, so that changes are audited under its name and read-only keys cannot write. The SDK's
 * transport is compiled against jakarta.servlet 6.1 but calls only methods that servlet 5.0 (Jetty
 * 11, Javalin 6) has, and this class is compiled against 5.0.
 *
 * <p>A POST body is checked before the SDK reads it ({@link JsonRpcCheck}): one UTF-8 JSON-RPC
 * message of at most 4 MiB nesting at most 64 levels, else 400 (413 when too long) with a JSON-RPC
 * error. Methods other than GET, POST and DELETE (and OPTIONS) get 405 with {@code Allow}.
 *
 * <pre>{@code
 * McpAuthenticator callers =
 *     request ->
 *         Optional.ofNullable(request.getHeader("X-Agent"))
 *             .map(name -> new McpCaller(name, false));
 * McpHttpEndpoint mcp = new McpHttpEndpoint(plandevMcp, callers);
 * Javalin.create(
 *     config ->
 *         config.jetty.modifyServletContextHandler(
 *             handler -> {
 *               ServletHolder holder = new ServletHolder(mcp);
 *               holder.setAsyncSupported(true); // the SDK streams answers with async I/O
 *               handler.addServlet(holder, McpHttpEndpoint.PATH);
 *             }));
 * // on shutdown: mcp.destroy() is called by Jetty; it closes the sessions and the server
 * }</pre>
 */
public final class McpHttpEndpoint extends HttpServlet {
  /** Where the service mounts the endpoint. */
  public static final String PATH = "/mcp";

  private static final long serialVersionUID = 1L;
  private static final String CALLER_ATTRIBUTE = McpHttpEndpoint.class.getName() + ".caller";
  private static final String ALLOWED = "GET, POST, DELETE";
  private static final String AUTHORIZE = "send an API key as Authorization: Bearer <key>";

  private final transient McpAuthenticator authenticator;
  private final transient HttpServletStreamableServerTransportProvider transport;
  private final transient McpSyncServer server;
  private final transient JsonRpcCheck check;

  /**
   * An endpoint at {@link #PATH} serving {@code mcp} to the callers {@code authenticator} admits.
   */
  public McpHttpEndpoint(PlandevMcp mcp, McpAuthenticator authenticator) {
    this(mcp, authenticator, PATH);
  }

  /** An endpoint at another path (the SDK checks that request URIs end with it). */
  public McpHttpEndpoint(PlandevMcp mcp, McpAuthenticator authenticator, String path) {
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(mcp.json())
            .mcpEndpoint(path)
            .contextExtractor(
                request -> {
                  Object caller = request.getAttribute(CALLER_ATTRIBUTE);
                  return caller == null
                      ? McpTransportContext.EMPTY
                      : McpTransportContext.create(Map.of(PlandevMcp.CALLER, caller));
                })
            .build();
    this.server = mcp.serve(transport);
    this.check = new JsonRpcCheck(mcp.json());
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Optional<McpCaller> caller = authenticator.authenticate(request);
    if (caller.isEmpty()) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"plandev\"");
      problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", AUTHORIZE);
      return;
    }
    request.setAttribute(CALLER_ATTRIBUTE, caller.get());
    switch (request.getMethod()) {
      case "POST" -> post(request, response);
      case "GET", "DELETE", "OPTIONS" -> transport.service(request, response);
      default -> {
        response.setHeader("Allow", ALLOWED);
        problem(
            response,
            HttpServletResponse.SC_METHOD_NOT_ALLOWED,
            "Method Not Allowed",
            PATH + " answers " + ALLOWED + " only");
      }
    }
  }

  /** Checks the message before the SDK reads it: the SDK answers bad ones with Java internals. */
  private void post(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(JsonRpcCheck.MAX_BYTES + 1);
    if (body.length > JsonRpcCheck.MAX_BYTES) {
      jsonRpcError(
          response,
          HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          McpErrors.parseError(JsonRpcCheck.TOO_LONG));
      return;
    }
    Optional<String> rejection = check.rejection(body, body.length);
    if (rejection.isPresent()) {
      jsonRpcError(response, HttpServletResponse.SC_BAD_REQUEST, rejection.get());
      return;
    }
    transport.service(new BufferedBodyRequest(request, body), response);
  }

  private static void jsonRpcError(HttpServletResponse response, int status, String error)
      throws IOException {
    write(response, status, "application/json", error);
  }

  private static void problem(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    ObjectNode problem = JsonNodeFactory.instance.objectNode();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    write(response, status, "application/problem+json", problem.toString());
  }

  private static void write(
      HttpServletResponse response, int status, String contentType, String body)
      throws IOException {
    response.setStatus(status);
    response.setContentType(contentType);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(body);
  }

  /** Closes the MCP sessions and the server; Jetty calls it when the servlet is taken down. */
  @Override
  public void destroy() {
    server.closeGracefully();
    transport.destroy();
    super.destroy();
  }
}
