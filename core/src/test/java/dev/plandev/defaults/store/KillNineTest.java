package dev.plandev.defaults.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.ListQuery;
import dev.plandev.defaults.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged writes survive {@code kill -9}: a child JVM writes batches and reports each one only
 * after the store acknowledged it; the test kills it mid-stream with SIGKILL and checks every
 * acknowledged id after reopening the database.
 */
class KillNineTest {
  @TempDir Path dir;

  @Test
  void acknowledgedWrites_surviveSigkill() throws Exception {
    Process child = ChildJvm.start(KillNineWriter.class, dir.toString());
    Map<Long, String> acknowledged = new LinkedHashMap<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      int acks = 0;
      while ((line = r.readLine()) != null) {
        if (!line.startsWith("ACK")) {
          continue;
        }
        for (String pair : line.substring(4).split(" ")) {
          int eq = pair.indexOf('=');
          acknowledged.put(Long.parseLong(pair.substring(0, eq)), pair.substring(eq + 1));
        }
        if (++acks == 60) {
          // SIGKILL: no shutdown hooks, no close, the writer is in the middle of its next batch.
          child.destroyForcibly();
          break;
        }
      }
    }
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(137);
    assertThat(acknowledged).hasSizeGreaterThan(2000);

    try (SmartDefaults reopened =
        SmartDefaults.open(
            PlandevConfig.defaults().withDataDir(dir.toString()), Clock.systemUTC())) {
      for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
        DefaultEntry e = reopened.store().find(ack.getKey()).orElse(null);
        assertThat(e).as("acknowledged id %d", ack.getKey()).isNotNull();
        assertThat(e.value()).isEqualTo(ack.getValue());
      }
      long stored = reopened.store().list(ListQuery.all()).total();
      assertThat(stored).isGreaterThanOrEqualTo(acknowledged.size());
    }
  }
}
