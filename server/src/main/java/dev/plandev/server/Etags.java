package dev.plandev.server;

import dev.plandev.defaults.security.Fingerprint;

/** Entity tags: an entry's version for writes ({@code If-Match}), a body hash for reads. */
final class Etags {
  private Etags() {}

  static String of(long version) {
    return "\"" + version + "\"";
  }

  /** The version an {@code If-Match} header names, or null when it names none we understand. */
  static Long version(String ifMatch) {
    if (ifMatch == null) {
      return null;
    }
    String t = ifMatch.trim();
    if (t.startsWith("W/")) {
      t = t.substring(2);
    }
    t = t.replace("\"", "");
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String ofBody(byte[] body) {
    return "\"" + Fingerprint.sha256Hex(body, 12) + "\"";
  }

  /** A JSON body rendered once, with the ETag of its bytes, to send any number of times. */
  record Tagged(byte[] json, String etag) {
    static Tagged of(com.fasterxml.jackson.databind.ObjectMapper mapper, Object body) {
      byte[] json;
      try {
        json = mapper.writeValueAsBytes(body);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("a response body always serialises", e);
      }
      return new Tagged(json, ofBody(json));
    }
  }

  /**
   * Sends {@code body} as JSON with an ETag of its bytes, or 304 when the client's If-None-Match
   * already names it.
   */
  static void sendJson(
      io.javalin.http.Context ctx,
      com.fasterxml.jackson.databind.ObjectMapper mapper,
      Object body) {
    send(ctx, Tagged.of(mapper, body));
  }

  /** Sends a rendered body, or 304 when the client's If-None-Match already names it. */
  static void send(io.javalin.http.Context ctx, Tagged body) {
    ctx.header("ETag", body.etag());
    if (body.etag().equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.contentType("application/json");
    // Straight to the response: Javalin would copy a result through a new 32 KiB buffer, which
    // at tens of thousands of reads a second is most of the service's garbage.
    try {
      ctx.outputStream().write(body.json());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot send the response: " + e.getMessage(), e);
    }
  }
}
