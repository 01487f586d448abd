package dev.plandev.server;

import dev.plandev.defaults.model.PlandevException;

/** The service could not listen: another process already holds its address and port. */
public final class PortInUseException extends PlandevException {
  private static final long serialVersionUID = 1L;
  private final int port;

  PortInUseException(String host, int port, String setting, Throwable cause) {
    super(
        "port "
            + port
            + " on "
            + host
            + " is already in use by another process; stop that process, or choose another port"
            + (setting.equals("server.port")
                ? " with --port (server.port; 0 picks a free one)"
                : " with " + setting),
        cause);
    this.port = port;
  }

  /** The port that was taken. */
  public int port() {
    return port;
  }
}
