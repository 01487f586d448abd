package dev.plandev.server;

import static dev.plandev.server.Gen.frequency;
import static dev.plandev.server.Gen.just;
import static dev.plandev.server.Gen.of;
import static dev.plandev.server.Gen.weight;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Generators of hostile requests for every route of the OpenAPI document: odd path parameters,
 * query strings, headers and bodies (wrong JSON shapes, deep nesting, huge numbers, invalid UTF-8,
 * CSV and YAML), each with one role's key or none.
 */
final class HostileRequests {
  /** What the service must never say; generated text is kept from matching it too. */
  static final Pattern LEAK =
      Pattern.compile(
          "\\b(java|javax|jakarta|org|com|io|dev)\\.[a-z]+\\.|Exception\\b|\\bat [a-z]+\\.");

  /**
   * The fixture's own keys by name and id (keys are revoked by either), which a generated
   * revocation must not hit: the run would go on without them.
   */
  static final List<String> FIXTURE_KEYS = List.of("admin", "editor", "reader", "1", "2", "3");

  /** The fuzzed service's {@code server.maxHeaderBytes}. */
  static final int HEADER_LIMIT = 16_384;

  /** A route of the OpenAPI document. */
  record Route(
      String method,
      String path,
      List<String> queryNames,
      JsonNode bodySchema,
      java.util.Set<Integer> jsonErrors) {
    /** The route as the document names it, e.g. {@code get /api/v1/defaults}. */
    String name() {
      return method + " " + path;
    }
  }

  /**
   * One generated request; {@code route} names the route it was drawn for, {@code role} the key
   * sent (or none, or a bad one).
   */
  record HostileRequest(
      String route,
      String method,
      String target,
      List<String> headers,
      byte[] body,
      String role,
      java.util.Set<Integer> jsonErrors) {
    byte[] bytes(int port, Map<String, String> keys) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      head.append("Host: 127.0.0.1:").append(port).append("\r\n");
      String key = keys.get(role);
      if (key != null) {
        head.append("Authorization: ").append(key).append("\r\n");
      }
      headers.forEach(h -> head.append(h).append("\r\n"));
      // Headers over the limit are refused (431) and the connection closed before any body is
      // read: a body sent after them only races that close and breaks the pipe on this side.
      byte[] sent = head.length() > HEADER_LIMIT ? new byte[0] : body;
      head.append("Content-Length: ").append(sent.length).append("\r\n\r\n");
      b.writeBytes(head.toString().getBytes(UTF_8));
      b.writeBytes(sent);
      return b.toByteArray();
    }

    /** The request in a line, for a failure report (long parts cut). */
    String describe() {
      return cut(method + " " + target)
          + " as "
          + role
          + " "
          + headers.stream().map(HostileRequests::cut).toList()
          + " body: "
          + cut(new String(body, UTF_8));
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private HostileRequests() {}

  /** Every method and path of the document, with its query parameters and JSON body schema. */
  static List<Route> routes(JsonNode openapi) {
    List<Route> routes = new ArrayList<>();
    openapi
        .get("paths")
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fields()
                    .forEachRemaining(
                        op -> {
                          if (op.getKey().equals("parameters")) {
                            return;
                          }
                          List<String> query = new ArrayList<>();
                          op.getValue()
                              .path("parameters")
                              .forEach(
                                  prm -> {
                                    if (prm.path("in").asText().equals("query")) {
                                      query.add(prm.path("name").asText());
                                    }
                                  });
                          JsonNode schema =
                              op.getValue()
                                  .path("requestBody")
                                  .path("content")
                                  .path("application/json")
                                  .path("schema");
                          routes.add(
                              new Route(
                                  op.getKey(),
                                  p.getKey(),
                                  query,
                                  schema,
                                  jsonErrors(op.getValue())));
                        }));
    return routes;
  }

  /** The error statuses the operation documents with a JSON body of its own (not a problem). */
  private static java.util.Set<Integer> jsonErrors(JsonNode operation) {
    java.util.Set<Integer> statuses = new java.util.TreeSet<>();
    operation
        .path("responses")
        .fields()
        .forEachRemaining(
            r -> {
              if (r.getKey().matches("[45]\\d\\d")
                  && r.getValue().path("content").has("application/json")) {
                statuses.add(Integer.parseInt(r.getKey()));
              }
            });
    return statuses;
  }

  /**
   * Requests for the routes, the route and the role each drawn first (so a run can tell which it
   * reached): each field hostile now and then, sometimes all of them.
   */
  static Gen<HostileRequest> requests(JsonNode openapi, List<Route> routes) {
    // One generator per route, built once: building them for each request cost more than sending.
    Gen<List<String>> headers = headers();
    List<Gen<HostileRequest>> perRoute = new ArrayList<>();
    for (Route route : routes) {
      Gen<String> method = method(route);
      Gen<String> path = path(route);
      Gen<String> query = query(route);
      Gen<byte[]> body = body(openapi, route);
      perRoute.add(
          r -> {
            // Drawn in a fixed order: the same random stream gives the same request.
            String m = method.next(r);
            String p = path.next(r);
            String q = query.next(r);
            String role = ROLES.next(r);
            List<String> h = headers.next(r);
            byte[] b = body.next(r);
            return new HostileRequest(route.name(), m, p + q, h, b, role, route.jsonErrors());
          });
    }
    return Gen.oneOf(perRoute);
  }

  /** The roles a request is sent as: the fixture's three keys, none, and a malformed one. */
  static final List<String> ROLE_NAMES = List.of("admin", "editor", "reader", "none", "garbage");

  // Keys that pass the guard more often than not, so most requests reach the handlers.
  private static final Gen<String> ROLES =
      frequency(
          weight(3, just("admin")),
          weight(3, just("editor")),
          weight(2, just("reader")),
          weight(1, just("none")),
          weight(1, just("garbage")));

  private static Gen<String> method(Route route) {
    String documented = route.method().toUpperCase(java.util.Locale.ROOT);
    Gen<String> odd =
        route.method().equals("get")
            ? of("HEAD", "OPTIONS", "TRACE", "FOO", "get")
            : of("OPTIONS", "PUT", "FOO", "post");
    return frequency(weight(9, just(documented)), weight(1, odd));
  }

  private static Gen<String> path(Route route) {
    if (!route.path().contains("{")) {
      return frequency(
          weight(9, just(route.path())),
          weight(1, of("/", "//", "/..", "/%2e%2e/").map(s -> route.path() + s)));
    }
    return segment()
        .filter(s -> !FIXTURE_KEYS.contains(decoded(s)))
        .map(
            s -> route.path().replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(s)));
  }

  private static Gen<String> segment() {
    return frequency(
        weight(5, of(HostileValues.SEGMENTS)),
        weight(2, plain(Gen.strings(40)).map(HostileRequests::encode)),
        weight(1, Gen.longs().map(String::valueOf)),
        weight(
            1,
            plain(Gen.strings('!', '~', 20)).filter(s -> s.indexOf('?') < 0 && s.indexOf('#') < 0)),
        weight(1, Gen.ints(1_000, 20_000).map("a"::repeat)));
  }

  private static Gen<String> query(Route route) {
    List<String> names = new ArrayList<>(route.queryNames());
    names.addAll(HostileValues.QUERY_NAMES);
    Gen<String> value =
        frequency(
            weight(4, of(HostileValues.QUERY_VALUES)),
            weight(2, plain(Gen.strings(30)).map(HostileRequests::encode)),
            weight(1, Gen.ints(1_000, 12_000).map("b"::repeat)));
    Gen<String> name = of(names).map(HostileRequests::encode);
    Gen<String> param = r -> name.next(r) + "=" + value.next(r);
    return param.list(4).map(ps -> ps.isEmpty() ? "" : "?" + String.join("&", ps));
  }

  private static Gen<List<String>> headers() {
    Gen<String> contentType =
        of(HostileValues.CONTENT_TYPES).map(t -> "Content-Type: " + t).orNull(0.15);
    Gen<String> huge = Gen.ints(100, 40_000).map(n -> "X-Pad: " + "p".repeat(n));
    Gen<String> correlation = plain(Gen.strings(' ', '~', 100)).map(s -> "X-Correlation-Id: " + s);
    Gen<List<String>> extra =
        frequency(weight(6, of(HostileValues.HEADERS)), weight(1, huge), weight(1, correlation))
            .list(3);
    return r -> {
      List<String> all = new ArrayList<>();
      String type = contentType.next(r);
      if (type != null) {
        all.add(type);
      }
      all.addAll(extra.next(r));
      return all;
    };
  }

  private static Gen<byte[]> body(JsonNode openapi, Route route) {
    boolean takesJson = !route.bodySchema().isMissingNode();
    Gen<String> json =
        takesJson
            ? mutated(valid(openapi, route.bodySchema()))
            : just("{\"key\":\"fz.x\",\"value\":1}");
    Gen<byte[]> text =
        frequency(
                weight(takesJson ? 8 : 1, json),
                weight(2, of(HostileValues.BODIES)),
                weight(1, of(HostileValues.DEEP)),
                weight(1, plain(Gen.strings(200))))
            .map(s -> s.getBytes(UTF_8));
    Gen<byte[]> broken = json.map(HostileRequests::brokenUtf8);
    Gen<byte[]> none = r -> new byte[0];
    boolean sendsBody = takesJson || route.path().endsWith("/import");
    return frequency(
        weight(sendsBody ? 8 : 1, text), weight(1, broken), weight(sendsBody ? 1 : 8, none));
  }

  /** A body the schema accepts: every property with a plausible value of its type. */
  static JsonNode valid(JsonNode openapi, JsonNode schema) {
    if (schema.has("$ref")) {
      String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
      return valid(openapi, openapi.path("components").path("schemas").path(name));
    }
    if (schema.has("allOf")) {
      com.fasterxml.jackson.databind.node.ObjectNode all = JSON.createObjectNode();
      schema
          .get("allOf")
          .forEach(
              s -> all.setAll((com.fasterxml.jackson.databind.node.ObjectNode) valid(openapi, s)));
      return all;
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(0);
    }
    if (schema.has("example")) {
      return schema.get("example");
    }
    String type =
        schema.path("type").isArray()
            ? schema.path("type").get(0).asText()
            : schema.path("type").asText("object");
    return switch (type) {
      case "string" -> JSON.getNodeFactory().textNode("fz.value");
      case "integer" -> JSON.getNodeFactory().numberNode(1);
      case "number" -> JSON.getNodeFactory().numberNode(0.5);
      case "boolean" -> JSON.getNodeFactory().booleanNode(true);
      case "array" -> JSON.createArrayNode().add(valid(openapi, schema.path("items")));
      default -> {
        com.fasterxml.jackson.databind.node.ObjectNode o = JSON.createObjectNode();
        schema
            .path("properties")
            .fields()
            .forEachRemaining(f -> o.set(f.getKey(), valid(openapi, f.getValue())));
        if (!schema.has("properties")) {
          o.put("key", "fz.key");
          o.put("value", "v");
        }
        yield o;
      }
    };
  }

  /** The valid body with a few of its fields (or unknown ones) set to hostile JSON values. */
  private static Gen<String> mutated(JsonNode valid) {
    List<String> fields = new ArrayList<>();
    valid.fieldNames().forEachRemaining(fields::add);
    fields.addAll(List.of("secret", "valueType", "valueSchema", "context", "items", "unknown"));
    Gen<String> hostile =
        frequency(
            weight(6, of(HostileValues.JSON_VALUES)),
            weight(2, plain(Gen.strings(50)).map(HostileRequests::quoted)),
            weight(1, Gen.longs().map(String::valueOf)),
            weight(1, Gen.doubles().map(String::valueOf)),
            weight(1, of(HostileValues.LARGE)),
            weight(1, of(HostileValues.DEEP)));
    Gen<String> field = of(fields);
    Gen<List<Map.Entry<String, String>>> changes =
        ((Gen<Map.Entry<String, String>>) r -> Map.entry(field.next(r), hostile.next(r))).list(3);
    Gen<String> key = Gen.strings("abcxyz.", 1, 6);
    return r -> {
      List<Map.Entry<String, String>> changed = changes.next(r);
      String k = key.next(r);
      Map<String, String> raw = new java.util.LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = valid.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        raw.put(f.getKey(), f.getValue().toString());
      }
      if (raw.containsKey("key")) {
        raw.put("key", quoted("fz." + k));
      }
      changed.forEach(c -> raw.put(c.getKey(), c.getValue()));
      StringBuilder b = new StringBuilder("{");
      raw.forEach(
          (f, v) -> b.append(b.length() > 1 ? "," : "").append(quoted(f)).append(':').append(v));
      return b.append('}').toString();
    };
  }

  /**
   * The text as UTF-8 with invalid sequences put in: a lone continuation, an overlong dot, a
   * surrogate.
   */
  private static byte[] brokenUtf8(String text) {
    byte[] bytes = text.getBytes(UTF_8);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int at = bytes.length / 2;
    b.write(bytes, 0, at);
    b.writeBytes(
        new byte[] {
          (byte) 0xC3,
          0x28,
          (byte) 0xFF,
          (byte) 0xC0,
          (byte) 0xAE,
          (byte) 0xED,
          (byte) 0xA0,
          (byte) 0x80
        });
    b.write(bytes, at, bytes.length - at);
    return b.toByteArray();
  }

  /** Generated text that does not itself look like a leak (the service may echo it). */
  private static Gen<String> plain(Gen<String> text) {
    return text.filter(s -> !LEAK.matcher(s).find());
  }

  /** The segment as a route sees it (its escapes decoded), or itself when it cannot be decoded. */
  private static String decoded(String segment) {
    try {
      return java.net.URLDecoder.decode(segment.replace("+", "%2B"), UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, UTF_8).replace("+", "%20");
  }

  static String quoted(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String cut(String s) {
    String flat = s.replace("\r", "\\r").replace("\n", "\\n");
    return flat.length() <= 160 ? flat : flat.substring(0, 160) + "…(" + flat.length() + " chars)";
  }
}
