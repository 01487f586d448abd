package dev.plandev.defaults.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Servers on loopback that a hostile input points at, counting what reaches them, so that a test
 * can show the product never contacted them: one answers every request with a schema, one accepts
 * connections and never answers. Closing stops them all.
 */
public final class BaitServers implements AutoCloseable {
  private final List<AutoCloseable> running = new ArrayList<>();

  /** The base URL of an HTTP server that counts its requests in {@code hits}. */
  public String counting(AtomicInteger hits) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            hits.incrementAndGet();
            byte[] body = "{\"const\":\"SERVED\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      running.add(() -> server.stop(0));
      return "http://127.0.0.1:" + server.getAddress().getPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL of a server that accepts connections, counts them, and never answers. */
  public String silent(AtomicInteger accepted) {
    try {
      ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      running.add(silent);
      List<Socket> held = new CopyOnWriteArrayList<>();
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (!silent.isClosed()) {
                    held.add(silent.accept());
                    accepted.incrementAndGet();
                  }
                } catch (IOException expected) {
                  // closed at the end of the test
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      return "http://127.0.0.1:" + silent.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable c : running) {
      c.close();
    }
  }
}
