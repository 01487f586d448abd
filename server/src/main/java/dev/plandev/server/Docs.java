package dev.plandev.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The API's documentation: the OpenAPI 3.1 document at {@code /openapi.json} (written by hand in
 * {@code openapi.yaml}; a test holds it to the served routes) and Swagger UI at {@code /docs}.
 */
final class Docs {
  static final String SWAGGER_VERSION = "5.18.2";
  static final String SWAGGER_DIR = "/META-INF/resources/webjars/swagger-ui/" + SWAGGER_VERSION;
  private final String openapi;
  private final String page;

  Docs() {
    this.openapi = load("/openapi.yaml", true);
    this.page = load("/docs.html", false);
  }

  static void staticFiles(JavalinConfig c) {
    c.staticFiles.add(
        sf -> {
          sf.hostedPath = "/docs/assets";
          sf.directory = SWAGGER_DIR;
          sf.location = Location.CLASSPATH;
        });
    c.staticFiles.add(
        sf -> {
          sf.hostedPath = "/docs/page";
          sf.directory = "/dev/plandev/server/docs";
          sf.location = Location.CLASSPATH;
        });
  }

  void register(Routes r) {
    r.get("/openapi.json", Access.OPEN, ctx -> ctx.contentType("application/json").result(openapi));
    r.get("/docs", Access.OPEN, ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
  }

  /** The OpenAPI document as a tree, for tests. */
  static JsonNode openapi() {
    try {
      return new ObjectMapper().readTree(load("/openapi.yaml", true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String load(String resource, boolean yamlToJson) {
    try (InputStream in = Docs.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the server jar");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (!yamlToJson) {
        return text;
      }
      JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(text);
      return new ObjectMapper().writeValueAsString(tree);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
