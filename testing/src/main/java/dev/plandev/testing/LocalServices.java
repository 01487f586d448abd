package dev.plandev.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The machine's PostgreSQL and Redis, which tests use as real collaborators; {@code .ci/run} starts
 * both before the build.
 */
public final class LocalServices {
  /** The PostgreSQL database of the tests ({@code PLANDEV_TEST_PG_URL} overrides it). */
  public static final String PG_URL =
      System.getenv().getOrDefault("PLANDEV_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");

  /** Its user, with trust authentication ({@code PLANDEV_TEST_PG_USER} overrides it). */
  public static final String PG_USER =
      System.getenv().getOrDefault("PLANDEV_TEST_PG_USER", "postgres");

  private LocalServices() {}

  /** Requires the machine's PostgreSQL on 127.0.0.1:5432. */
  public static void requirePostgres() {
    Prerequisites.require(
        reachable("127.0.0.1", 5432),
        "PostgreSQL is not answering on 127.0.0.1:5432; start it with"
            + " pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
  }

  /** Requires the machine's Redis on 127.0.0.1:6379. */
  public static void requireRedis() {
    Prerequisites.require(
        reachable("127.0.0.1", 6379),
        "Redis is not answering on 127.0.0.1:6379; start it with redis-server --daemonize yes"
            + " --bind 127.0.0.1 --port 6379 --save '' --appendonly no");
  }

  /** True when something accepts a TCP connection on the port within half a second. */
  public static boolean reachable(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
