package dev.plandev.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP passage on a random port of 127.0.0.1 to a real server, which the test shuts to cut the
 * service off from it on demand: the machine's PostgreSQL cannot be stopped by one test without
 * failing the others that share it.
 */
final class TcpGate implements AutoCloseable {
  private final ServerSocket listener;
  private final String host;
  private final int port;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  /** Opens a passage to {@code host:port}, accepting until {@link #close()}. */
  TcpGate(String host, int port) throws IOException {
    this.host = host;
    this.port = port;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accepting = new Thread(this::accept, "tcp-gate-accept");
    accepting.setDaemon(true);
    accepting.start();
  }

  /** The port of the passage on 127.0.0.1. */
  int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket in = listener.accept();
        Socket out = new Socket(host, port);
        sockets.add(in);
        sockets.add(out);
        pipe(in, out);
        pipe(out, in);
      } catch (IOException e) {
        return; // shut: nothing more is let through
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              try (InputStream i = from.getInputStream();
                  OutputStream o = to.getOutputStream()) {
                i.transferTo(o);
              } catch (IOException e) {
                // one side closed: the other follows below
              }
              closeQuietly(from);
              closeQuietly(to);
            },
            "tcp-gate-pipe");
    t.setDaemon(true);
    t.start();
  }

  /** Refuses new connections and breaks every open one, as a server that went away. */
  @Override
  public void close() {
    closeQuietly(listener);
    sockets.forEach(TcpGate::closeQuietly);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // already closed
    }
  }
}
