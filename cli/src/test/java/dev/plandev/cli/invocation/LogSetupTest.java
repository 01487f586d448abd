package dev.plandev.cli.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plandev.defaults.config.PlandevConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The JSON log lines carry a request's trace and span ids beside its correlation id. */
class LogSetupTest {
  @TempDir Path dir;

  @Test
  void jsonLines_carryTraceIdAndSpanId_besideTheCorrelationId() throws Exception {
    LogSetup.fileLogs(PlandevConfig.defaults().withDataDir(dir.toString()), false);
    MDC.put("correlationId", "c-1");
    MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
    MDC.put("spanId", "00f067aa0ba902b7");
    try {
      LoggerFactory.getLogger(LogSetupTest.class).warn("a line of a traced request");
    } finally {
      MDC.clear();
    }
    JsonNode line =
        new ObjectMapper()
            .readTree(
                Files.readAllLines(dir.resolve("logs").resolve(LogSetup.FILE_NAME)).stream()
                    .filter(l -> l.contains("a line of a traced request"))
                    .findFirst()
                    .orElseThrow());
    assertThat(line.get("correlationId").asText()).isEqualTo("c-1");
    assertThat(line.get("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(line.get("spanId").asText()).isEqualTo("00f067aa0ba902b7");
  }
}
