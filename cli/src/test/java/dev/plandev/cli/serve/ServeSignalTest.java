package dev.plandev.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.cli.Main;
import dev.plandev.defaults.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: {@code plandev serve} in a process of its own, stopped by SIGTERM as a supervisor stops
 * it, finishes cleanly and exits 0, not the JVM's 143.
 */
class ServeSignalTest {
  @TempDir Path dir;

  @Test
  void sigterm_stopsCleanly_andExitsZero() throws Exception {
    Process child = ChildJvm.start(Main.class, "--data", dir.toString(), "serve", "--port", "0");
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder seen = new StringBuilder();
      for (String line; (line = out.readLine()) != null && !line.contains("Stop with Ctrl-C"); ) {
        seen.append(line).append('\n');
      }
      assertThat(seen).contains("plandev serving on http://127.0.0.1:");
      child.destroy(); // SIGTERM
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).isZero();
      assertThat(Files.readString(dir.resolve("logs/plandev.json")))
          .contains("plandev service stopping")
          .contains("plandev service stopped");
    } finally {
      child.destroyForcibly();
    }
  }
}
