package dev.plandev.server.web;

import dev.plandev.plans.PlanException;
import dev.plandev.plans.watch.PlanEvent;
import dev.plandev.plans.watch.PlanWatcher;
import io.javalin.Javalin;
import io.javalin.http.sse.SseClient;
import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells open plan pages that their file changed, whoever changed it (an editor, {@code plandev
 * check}, an agent through MCP, another page): a {@link PlanWatcher} per plan root feeds
 * server-sent events ({@code changed}, with the file's new version) to the pages showing that plan.
 */
final class PlanEvents implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(PlanEvents.class);
  private static final Duration DEBOUNCE = Duration.ofMillis(100);

  private final PlanCatalog catalog;
  private final Map<String, Queue<SseClient>> listeners = new ConcurrentHashMap<>();
  private final List<PlanWatcher> watchers = new ArrayList<>();

  PlanEvents(PlanCatalog catalog, Clock clock) {
    this.catalog = catalog;
    for (Path root : catalog.roots()) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try {
        PlanWatcher watcher = new PlanWatcher(root, DEBOUNCE, clock, this::changed);
        Thread thread = new Thread(watcher::run, "plandev-web-watch");
        thread.setDaemon(true);
        thread.start();
        watchers.add(watcher);
      } catch (PlanException e) {
        LOG.warn(
            "web UI: plan pages will not update by themselves for {}: {}", root, e.getMessage());
      }
    }
  }

  void register(Javalin app) {
    app.sse("/plan/events", this::subscribe);
  }

  private void subscribe(SseClient client) {
    String name = client.ctx().queryParam("file");
    if (name == null || catalog.file(name).isEmpty()) {
      client.close(); // a page of an unknown plan has nothing to hear about
      return;
    }
    Queue<SseClient> clients = listeners.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>());
    clients.add(client);
    client.onClose(() -> clients.remove(client));
    client.sendComment("watching " + name);
    client.keepAlive();
  }

  private void changed(PlanEvent event) {
    catalog
        .nameOf(event.file())
        .ifPresent(
            name -> {
              Queue<SseClient> clients = listeners.get(name);
              if (clients == null) {
                return;
              }
              String data =
                  event.kind() == PlanEvent.Kind.DELETED ? "deleted" : event.contentHash();
              for (SseClient c : clients) {
                if (c.terminated()) {
                  clients.remove(c);
                } else {
                  c.sendEvent("changed", data);
                }
              }
            });
  }

  @Override
  public void close() {
    watchers.forEach(PlanWatcher::close);
    listeners.values().forEach(q -> q.forEach(SseClient::close));
  }
}
