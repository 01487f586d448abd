package dev.plandev.mcp;

import io.javalin.Javalin;
import org.eclipse.jetty.servlet.ServletHolder;

/** Javalin 6 on a random port with the endpoint mounted the way the plandev service mounts it. */
final class JavalinMount {
  private JavalinMount() {}

  static Javalin start(McpHttpEndpoint endpoint) {
    return Javalin.create(
            config ->
                config.jetty.modifyServletContextHandler(
                    handler -> {
                      ServletHolder holder = new ServletHolder(endpoint);
                      holder.setAsyncSupported(true);
                      handler.addServlet(holder, McpHttpEndpoint.PATH);
                    }))
        .get("/health", ctx -> ctx.result("ok"))
        .start("127.0.0.1", 0);
  }
}
