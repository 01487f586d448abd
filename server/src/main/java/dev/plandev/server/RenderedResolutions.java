package dev.plandev.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.plandev.defaults.model.Resolution;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolve responses rendered once per answer the engine's cache holds, so that the hot path of
 * {@code GET /api/v1/defaults/resolve} sends bytes it already has.
 *
 * <p>Rendering an answer (typed value, entry, JSON, ETag) costs more than the rest of the request,
 * and most resolves repeat an answer the engine's L1 holds. The engine hands out the same {@link
 * Resolution} object for as long as its L1 keeps that answer, so renderings are keyed by the
 * answer's identity, weakly: when L1 forgets an answer (a write to its key, expiry, eviction), the
 * object becomes unreachable and its rendering goes with it. The engine never learns that this
 * cache exists, and a rendering can never outlive the answer it shows.
 */
final class RenderedResolutions {
  /**
   * Unbounded on purpose: the weak keys are the bound. A rendering lives only while its answer is
   * reachable, which is while the engine's L1 (bounded by bytes) holds it or a request still uses
   * it; with L1 off, each answer dies with its request. A size policy would only add bookkeeping to
   * every read of the service's hottest path.
   */
  private final Cache<Resolution, Etags.Tagged> bodies = Caffeine.newBuilder().weakKeys().build();

  private final Function<Resolution, Etags.Tagged> render;

  RenderedResolutions(Function<Resolution, Etags.Tagged> render) {
    this.render = render;
  }

  /** The rendered response of an answer, or null when there is no default. */
  Etags.Tagged of(Optional<Resolution> found) {
    return found.isEmpty() ? null : bodies.get(found.get(), render);
  }
}
