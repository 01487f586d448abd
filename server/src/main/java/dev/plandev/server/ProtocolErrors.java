package dev.plandev.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plandev.defaults.model.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own error answers, for what it refuses before a route runs: a request that is not valid
 * HTTP (400), a URL or headers over {@code server.maxHeaderBytes} (414, 431), a request arriving
 * while the service stops (503). Jetty writes these as HTML; here they are the same problem+json as
 * every other failure ({@link Problems#body}), with a correlation id.
 */
final class ProtocolErrors extends ErrorHandler {
  /** A reason Jetty gives that is safe and useful to repeat: short plain words. */
  private static final Pattern PLAIN_REASON = Pattern.compile("[A-Za-z0-9 =:,.'-]{1,80}");

  private final ObjectMapper mapper;
  private final int maxHeaderBytes;

  ProtocolErrors(ObjectMapper mapper, int maxHeaderBytes) {
    this.mapper = mapper;
    this.maxHeaderBytes = maxHeaderBytes;
  }

  /** A request Jetty could not parse: there is no request to dispatch, only these fields. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    String id = Actor.newCorrelationId();
    fields.put(HttpHeader.CONTENT_TYPE, "application/problem+json");
    fields.put(Correlation.HEADER, id);
    Guard.securityHeaders("", fields::put);
    return ByteBuffer.wrap(json(status, detail(status, reason), null, id));
  }

  /** An error Jetty dispatches with a request (503 while stopping, one sent outside Javalin). */
  @Override
  public void handle(
      String target, Request base, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    base.setHandled(true);
    if (response.isCommitted()) {
      return;
    }
    String id = Correlation.accept(request.getHeader(Correlation.HEADER));
    int status = response.getStatus();
    response.resetBuffer();
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader(Correlation.HEADER, id);
    Guard.securityHeaders(request.getRequestURI(), response::setHeader);
    response
        .getOutputStream()
        .write(json(status, detail(status, null), request.getRequestURI(), id));
  }

  private byte[] json(int status, String detail, String instance, String id) {
    Map<String, Object> body =
        Problems.body(status, Problems.title(status), detail, instance, id, List.of());
    try {
      return mapper.writeValueAsBytes(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String detail(int status, String reason) {
    return switch (status) {
      case 414 ->
          "the URL is longer than the limit of "
              + maxHeaderBytes
              + " bytes (server.maxHeaderBytes); send fewer or shorter query parameters";
      case 431 ->
          "the request headers are larger than the limit of "
              + maxHeaderBytes
              + " bytes (server.maxHeaderBytes); send fewer or shorter headers";
      case 503 -> "the service is stopping and takes no new requests; retry in a moment";
      case 404 -> "no such path; see /openapi.json for the API";
      default ->
          "the request is not valid HTTP"
              + (reason != null && PLAIN_REASON.matcher(reason).matches()
                  ? " (" + reason + ")"
                  : "")
              + "; check the request line and the headers";
    };
  }
}
