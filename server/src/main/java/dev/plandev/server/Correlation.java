package dev.plandev.server;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
    String given = ctx.header(HEADER);
    String id = given != null && SANE.matcher(given).matches() ? given : newId();
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
    MDC.put("correlationId", id);
  }

  /**
   * A random version-4 UUID from {@link ThreadLocalRandom}: {@code UUID.randomUUID()} draws on the
   * shared SecureRandom, whose lock was the main point of contention under load, and a correlation
   * id needs to be unique, not unpredictable.
   */
  static String newId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long high = (r.nextLong() & ~0xF000L) | 0x4000L;
    long low = (r.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }

  static void end() {
    MDC.remove("correlationId");
  }

  static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    return id == null ? "none" : id;
  }
}
