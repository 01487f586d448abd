package dev.plandev.server;

import dev.plandev.defaults.model.Actor;
import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The correlation id of a request: the caller's {@code X-Correlation-Id} when it is sane, else a
 * new one; echoed in the response, put in every log line of the request and in every audit row.
 */
final class Correlation {
  static final String HEADER = "X-Correlation-Id";
  private static final String ATTRIBUTE = "plandev.correlationId";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private Correlation() {}

  static void begin(Context ctx) {
    String id = accept(ctx.header(HEADER));
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
    MDC.put("correlationId", id);
  }

  /** The caller's id when it is sane, else a new one. */
  static String accept(String given) {
    return given != null && SANE.matcher(given).matches() ? given : Actor.newCorrelationId();
  }

  static void end() {
    MDC.remove("correlationId");
  }

  static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    return id == null ? "none" : id;
  }
}
