package dev.plandev.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.plandev.defaults.config.ServerSettings;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.security.ApiKey;
import dev.plandev.defaults.security.Role;
import dev.plandev.defaults.store.ApiKeys;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * What every request passes first: correlation id, security headers, CORS (off unless origins are
 * configured), then for protected routes the API key, its role and its rate limit; requests without
 * a valid key are limited by client address.
 */
final class Guard {
  private static final String KEY_ATTRIBUTE = "plandev.apiKey";
  private static final int BOUND = 10_000;
  private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  private final ApiKeys keys;
  private final ServerSettings settings;
  private final Clock clock;
  private final List<String> origins;
  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  // Addresses are chosen by clients: bounded, and forgotten when idle.
  private final Cache<String, TokenBucket> addressBuckets;

  Guard(ApiKeys keys, ServerSettings settings, Clock clock) {
    this.keys = keys;
    this.settings = settings;
    this.clock = clock;
    Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
    this.addressBuckets =
        Caffeine.newBuilder()
            .maximumSize(BOUND)
            .expireAfterAccess(Duration.ofMinutes(10))
            .ticker(ticker)
            .build();
    this.origins =
        Arrays.stream(settings.corsOrigins().split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
  }

  void install(Javalin app) {
    app.before(this::everyRequest);
    app.beforeMatched(this::protectedRoute);
    app.after(ctx -> Correlation.end());
  }

  private void everyRequest(Context ctx) {
    Correlation.begin(ctx);
    if (BROKEN_ESCAPE.matcher(ctx.req().getRequestURI()).find()) {
      // Javalin decodes path parameters while matching the route and fails on these.
      throw HttpProblem.badRequest(
          "the path has a '%' that is not followed by two hex digits; percent-encode it as %25");
    }
    String query = ctx.req().getQueryString();
    if (query != null && BROKEN_ESCAPE.matcher(query).find()) {
      // Javalin drops the value of such a parameter but keeps its name: every route would
      // have to guess what was meant.
      throw HttpProblem.badRequest(
          "the query string has a '%' that is not followed by two hex digits;"
              + " percent-encode it as %25");
    }
    securityHeaders(ctx.path(), ctx::header);
    String origin = ctx.header("Origin");
    if (origin != null && origins.contains(origin)) {
      ctx.header("Access-Control-Allow-Origin", origin);
      ctx.header("Vary", "Origin");
      ctx.header("Access-Control-Expose-Headers", "ETag, Location, X-Correlation-Id, Retry-After");
      if (ctx.method().name().equals("OPTIONS")) {
        ctx.header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
        ctx.header(
            "Access-Control-Allow-Headers",
            "Authorization, Content-Type, If-Match, If-None-Match, X-Correlation-Id");
        ctx.header("Access-Control-Max-Age", "600");
        ctx.status(204);
        ctx.skipRemainingHandlers();
      }
    }
  }

  /** The headers every response carries, whatever answers it. */
  static void securityHeaders(String path, BiConsumer<String, String> header) {
    header.accept("X-Content-Type-Options", "nosniff");
    header.accept("X-Frame-Options", "DENY");
    header.accept("Referrer-Policy", "no-referrer");
    header.accept("Cross-Origin-Resource-Policy", "same-origin");
    if (path.startsWith("/docs")) {
      // Swagger UI sets inline styles; its start-up script is a file (docs/init.js).
      header.accept(
          "Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
              + " img-src 'self' data:");
    } else {
      header.accept("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
      header.accept("Cache-Control", "no-store");
    }
  }

  private void protectedRoute(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    Access access = roles.isEmpty() ? Access.OPEN : (Access) roles.iterator().next();
    if (access == Access.OPEN) {
      return;
    }
    String secret = BearerToken.parse(ctx.header("Authorization")).orElse(null);
    ApiKey key = secret == null ? null : keys.authenticate(secret).orElse(null);
    if (key == null) {
      takeAddressToken(ctx.ip(), ctx::header);
      ctx.header("WWW-Authenticate", "Bearer realm=\"plandev\"");
      throw new HttpProblem(
          401,
          "Unauthorized",
          secret == null
              ? "send an API key as 'Authorization: Bearer pdk_…'; create one with: plandev keys create NAME"
              : "the API key is unknown or revoked; check it with: plandev keys list");
    }
    if (!key.role().includes(access.role)) {
      throw new HttpProblem(
          403,
          "Forbidden",
          "key '"
              + key.name()
              + "' has role "
              + key.role().wireName()
              + "; this needs "
              + access.role.wireName()
              + " or above");
    }
    takeToken(key.name(), ctx::header);
    ctx.attribute(KEY_ATTRIBUTE, key);
  }

  /**
   * Takes one request from the key's rate limit ({@code server.rateLimit} a second, bursts of
   * {@code server.rateBurst}), or throws 429 after setting {@code Retry-After}.
   */
  void takeToken(String keyName, BiConsumer<String, String> header) {
    if (settings.rateLimit() > 0) {
      take(buckets.computeIfAbsent(keyName, k -> newBucket()), "key '" + keyName + "'", header);
    }
  }

  /**
   * Takes one request from the limit of a client address that sent no valid key, so guessing keys
   * or hammering the 401 costs as much as using a key does.
   */
  void takeAddressToken(String address, BiConsumer<String, String> header) {
    if (settings.rateLimit() > 0) {
      take(
          addressBuckets.get(address, a -> newBucket()),
          "client address " + address + " (without a valid API key)",
          header);
    }
  }

  private TokenBucket newBucket() {
    return new TokenBucket(settings.rateLimit(), settings.rateBurst(), clock);
  }

  private void take(TokenBucket bucket, String who, BiConsumer<String, String> header) {
    long wait = bucket.tryTake();
    if (wait > 0) {
      header.accept("Retry-After", Long.toString(Math.max(1, (wait + 999) / 1000)));
      throw new HttpProblem(
          429,
          "Too many requests",
          who
              + " is over its limit of "
              + settings.rateLimit()
              + " requests/s (server.rateLimit); retry after the Retry-After delay");
    }
  }

  /**
   * The active key an {@code Authorization} header names, if any ({@link ApiKeys#authenticate}
   * remembers wrong guesses, so repeating one costs no database lookup).
   */
  Optional<ApiKey> keyOf(String authorization) {
    return BearerToken.parse(authorization).flatMap(keys::authenticate);
  }

  /** Whether the request carries a valid API key, of any role (open routes show more then). */
  boolean hasValidKey(Context ctx) {
    return keyOf(ctx.header("Authorization")).isPresent();
  }

  /**
   * Refuses the request (403) unless its key is an admin's, for a change that needs more than the
   * route's role; {@code change} says what the admin key is needed for.
   */
  static void requireAdmin(Context ctx, String change) {
    ApiKey key = ctx.attribute(KEY_ATTRIBUTE);
    if (key == null || !key.role().includes(Role.ADMIN)) {
      throw new HttpProblem(
          403,
          "Forbidden",
          "an admin key is needed to "
              + change
              + (key == null
                  ? ""
                  : "; key '" + key.name() + "' has role " + key.role().wireName()));
    }
  }

  /** The actor of a protected request: the key's name and the correlation id. */
  static Actor actor(Context ctx) {
    ApiKey key = ctx.attribute(KEY_ATTRIBUTE);
    return new Actor(key == null ? "anonymous" : key.name(), Correlation.of(ctx));
  }
}
