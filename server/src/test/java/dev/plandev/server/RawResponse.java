package dev.plandev.server;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A response to a request written byte for byte on a socket, for request lines that {@link
 * java.net.http.HttpClient} refuses to send (a malformed percent escape, for one).
 *
 * @param status the status code
 * @param text the whole response as text: status line, headers and body
 */
record RawResponse(int status, String text) {
  static RawResponse get(int port, String rawPath, String key) {
    return send(
        port,
        "GET "
            + rawPath
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            + (key == null ? "" : "Authorization: Bearer " + key + "\r\n")
            + "\r\n");
  }

  /** The answer to a whole request as written (it should ask for {@code Connection: close}). */
  static RawResponse send(int port, String request) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      String text = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new RawResponse(Integer.parseInt(text.substring(9, 12)), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
