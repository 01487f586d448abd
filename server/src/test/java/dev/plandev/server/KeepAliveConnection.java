package dev.plandev.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection kept open across requests, written byte for byte: the fuzz test sends
 * request lines, headers and bodies that {@link java.net.http.HttpClient} refuses to send, and
 * thousands of them, so it reuses the socket until the service closes it.
 */
final class KeepAliveConnection implements AutoCloseable {
  /** A response: status, headers by lower-case name, body as text. */
  record Response(int status, Map<String, String> headers, String body) {
    String contentType() {
      return headers.getOrDefault("content-type", "");
    }
  }

  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  KeepAliveConnection(int port) {
    this.port = port;
  }

  /**
   * Sends a whole request (its bytes as they go on the wire) and reads the answer; reconnects once
   * when the service had closed the kept connection in between.
   */
  Response send(byte[] request, boolean head) throws IOException {
    for (int attempt = 0; ; attempt++) {
      boolean reused = socket != null;
      try {
        open();
        try {
          out.write(request);
          out.flush();
        } catch (IOException writeFailed) {
          // A service that refuses a request before reading its whole body answers and closes;
          // the write then fails, but the answer is there to read, as curl reads it.
          return readAfterFailedWrite(head, writeFailed);
        }
        Response r = read(head);
        if ("close".equalsIgnoreCase(r.headers().get("connection"))) {
          close();
        }
        return r;
      } catch (IOException e) {
        close();
        if (!reused || attempt > 0) {
          throw e;
        }
      }
    }
  }

  private Response readAfterFailedWrite(boolean head, IOException writeFailed) throws IOException {
    try {
      return read(head);
    } catch (IOException noAnswer) {
      writeFailed.addSuppressed(noAnswer);
      throw writeFailed;
    } finally {
      close();
    }
  }

  private void open() throws IOException {
    if (socket == null) {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(30_000);
      socket.setTcpNoDelay(true);
      in = new BufferedInputStream(socket.getInputStream(), 65_536);
      out = socket.getOutputStream();
    }
  }

  private Response read(boolean head) throws IOException {
    String statusLine = line();
    if (statusLine == null) {
      throw new IOException("the connection closed before a response");
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h; !(h = line()).isEmpty(); ) {
      int colon = h.indexOf(':');
      headers.merge(
          h.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          h.substring(colon + 1).trim(),
          (a, b) -> a + ", " + b);
    }
    byte[] body;
    if (head || status == 204 || status == 304 || status < 200) {
      body = new byte[0];
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = chunked();
    } else if (headers.containsKey("content-length")) {
      body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    } else {
      body = in.readAllBytes();
      close();
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private byte[] chunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line();
      int semicolon = size.indexOf(';');
      int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (n == 0) {
        while (!line().isEmpty()) {
          // trailers: none expected, skipped
        }
        return body.toByteArray();
      }
      body.write(in.readNBytes(n));
      line();
    }
  }

  /** One CRLF-ended line, without its end; null at the end of the stream. */
  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c; (c = in.read()) != '\n'; ) {
      if (c < 0) {
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing a socket the service already closed: nothing to do
      }
      socket = null;
    }
  }
}
