package dev.plandev.defaults.config;

import java.time.Duration;

/**
 * The {@code server} section: where {@code plandev serve} listens, its request limits and its jobs.
 *
 * @param rateLimit requests per second allowed to one API key (0: no limit)
 * @param rateBurst requests one key may send at once above the rate
 * @param corsOrigins origins allowed to call the API from a browser, comma-separated; empty turns
 *     CORS off
 * @param vacuumSchedule cron expression of the SQLite VACUUM/REINDEX job
 * @param expirySchedule cron expression of the sweep that removes long-expired entries
 * @param planRoots folders whose Markdown plans the web UI shows, comma-separated; relative ones
 *     are relative to the working directory of {@code plandev serve}
 * @param sessionTimeout how long a web UI sign-in lasts without use before it ends
 */
public record ServerSettings(
    String host,
    int port,
    long maxBodyBytes,
    int maxHeaderBytes,
    Duration shutdownTimeout,
    int rateLimit,
    int rateBurst,
    String corsOrigins,
    String vacuumSchedule,
    String expirySchedule,
    String planRoots,
    Duration sessionTimeout) {

  static ServerSettings defaults() {
    return new ServerSettings(
        "127.0.0.1",
        8080,
        1_048_576,
        16_384,
        Duration.ofSeconds(20),
        500,
        1000,
        "",
        "0 4 * * 0",
        "17 * * * *",
        ".",
        Duration.ofHours(8));
  }

  void check(ProblemList problems) {
    problems.notEmpty("server.host", host);
    problems.between("server.port", port, 0, 65535);
    problems.atLeast("server.maxBodyBytes", maxBodyBytes, 1024);
    problems.between("server.maxHeaderBytes", maxHeaderBytes, 1024, 1_048_576);
    problems.require(
        rateLimit >= 0, "server.rateLimit", rateLimit, "must not be negative (0: no limit)");
    problems.atLeast("server.rateBurst", rateBurst, 1);
    problems.notEmpty("server.planRoots", planRoots);
    problems.require(
        sessionTimeout != null && sessionTimeout.toSeconds() >= 60,
        "server.sessionTimeout",
        sessionTimeout == null ? null : DurationText.format(sessionTimeout),
        "must be at least 1m");
  }
}
