package dev.plandev.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.cli.CliRun;
import dev.plandev.cli.CliRun.Result;
import dev.plandev.testing.LocalServices;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plandev restore --force} is refused while {@code plandev mcp} serves the store (as while
 * {@code plandev serve} does, see {@link BackupCommandTest}), naming it, and goes through once the
 * agent has closed it.
 */
class RestoreWhileMcpServesTest {
  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n";

  @TempDir Path dir;

  /**
   * Runs {@code restore} while {@code plandev mcp} (started with {@code mcpArgs}) answers an agent,
   * returns the refusal's message, then closes the agent's pipe and checks the restore goes
   * through.
   */
  private String refusedWhileMcpServes(String[] mcpArgs, String[] restore) throws Exception {
    CliRun cli = new CliRun(dir);
    try (PipedOutputStream agent = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(agent)) {
      CliRun.Running mcp = new CliRun(dir).stdin(stdin).start(mcpArgs);
      String refusal;
      try {
        agent.write(INITIALIZE.getBytes(StandardCharsets.UTF_8));
        agent.flush();
        mcp.awaitOutput("protocolVersion", Duration.ofSeconds(60));
        Result r = cli.run(restore);
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        refusal = r.err();
      } finally {
        agent.close(); // the agent goes away: plandev mcp ends
        mcp.thread().join(30_000);
      }
      assertThat(mcp.thread().isAlive()).isFalse();
      Result r = cli.run(restore);
      assertThat(r.code()).as(r.err()).isZero();
      return refusal;
    }
  }

  @Test
  void sqlite_restoreForce_isRefusedWhileMcpServesTheDataDirectory() throws Exception {
    Path data = dir.resolve("data");
    CliRun cli = new CliRun(dir);
    cli.run("--data", data.toString(), "defaults", "set", "k", "v");
    String id = cli.run("--data", data.toString(), "backup", "full").out().split(" ")[0];
    String refusal =
        refusedWhileMcpServes(
            new String[] {"--data", data.toString(), "mcp"},
            new String[] {"--data", data.toString(), "restore", id, "--force"});
    assertThat(refusal)
        .contains(
            "plandev mcp (pid " + ProcessHandle.current().pid() + ") is using " + data.toString())
        .contains("stop it before restoring")
        .doesNotContain("Exception");
  }

  @Test
  void postgres_restoreForce_isRefusedWhileMcpServesTheSchema() throws Exception {
    LocalServices.requirePostgres();
    String schema = "t_cli_" + Long.toHexString(System.nanoTime());
    Path data = dir.resolve("data");
    CliRun cli = new CliRun(dir);
    try {
      cli.run(pg(data, schema, "defaults", "set", "k", "v"));
      String id = cli.run(pg(data, schema, "backup", "full")).out().split(" ")[0];
      // The mcp process keeps its files in another data directory: only the schema is shared.
      String refusal =
          refusedWhileMcpServes(
              pg(dir.resolve("agent-data"), schema, "mcp"),
              pg(data, schema, "restore", id, "--force"));
      assertThat(refusal)
          .contains("plandev mcp (pid " + ProcessHandle.current().pid() + ") from ")
          .contains(" is using the schema " + schema)
          .doesNotContain("Exception");
    } finally {
      try (Connection c =
              DriverManager.getConnection(LocalServices.PG_URL, LocalServices.PG_USER, "");
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  private static String[] pg(Path data, String schema, String... args) {
    return BackupCommandTest.pg(data, schema, args);
  }
}
