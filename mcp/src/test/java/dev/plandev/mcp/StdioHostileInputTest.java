package dev.plandev.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile lines sent to the stdio server in a process of its own, over a real pipe: each bad line
 * gets a JSON-RPC error and the next message is still served.
 */
class StdioHostileInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  Process server;
  OutputStream stdin;
  final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
  // Writes run on their own thread: a server that stops reading must fail the test, not hang it.
  final ExecutorService writer = Executors.newSingleThreadExecutor();

  @BeforeEach
  void start() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    server =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                StdioServerProcess.class.getName(),
                dir.toString())
            .redirectError(dir.resolve("stderr.txt").toFile())
            .start();
    stdin = server.getOutputStream();
    Thread reader = new Thread(this::collectAnswers, "stdio-answers");
    reader.setDaemon(true);
    reader.start();
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2024-11-05\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
    assertThat(answer().path("result").path("serverInfo").path("name").asText())
        .isEqualTo("plandev");
    send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
  }

  @AfterEach
  void stop() throws InterruptedException {
    writer.execute(
        () -> {
          try {
            stdin.close();
          } catch (IOException e) {
            // already closed by the server's end
          }
        });
    if (!server.waitFor(30, TimeUnit.SECONDS)) {
      server.destroyForcibly();
    }
    writer.shutdownNow();
  }

  private void collectAnswers() {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        answers.add(line);
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  void send(String line) throws IOException {
    send((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  void send(byte[] bytes) {
    writer.execute(
        () -> {
          try {
            stdin.write(bytes);
            stdin.flush();
          } catch (IOException e) {
            answers.add("the server closed its input: " + e.getMessage());
          }
        });
  }

  /** The next line the server writes, parsed; fails when none comes within a generous bound. */
  JsonNode answer() throws IOException, InterruptedException {
    String line = answers.poll(30, TimeUnit.SECONDS);
    assertThat(line)
        .as("an answer from the server (stderr: %s)", dir.resolve("stderr.txt"))
        .isNotNull();
    return JSON.readTree(line);
  }

  JsonNode error(int code) throws IOException, InterruptedException {
    JsonNode answer = answer();
    assertThat(answer.path("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(answer.has("id")).as("id present (null when unknown): %s", answer).isTrue();
    assertThat(answer.path("error").path("code").asInt()).as(answer.toString()).isEqualTo(code);
    assertThat(answer.path("error").path("message").asText())
        .doesNotContain("Exception", "java.", "at io.", "at dev.");
    return answer;
  }

  void pingIsAnswered(int id) throws IOException, InterruptedException {
    send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}");
    JsonNode answer = answer();
    assertThat(answer.path("id").asInt()).as(answer.toString()).isEqualTo(id);
    assertThat(answer.has("result")).as(answer.toString()).isTrue();
  }

  @Test
  void nonJsonLine_parseError_thenServed() throws Exception {
    send("this is not json");
    assertThat(error(-32700).get("id").isNull()).isTrue();
    pingIsAnswered(1);
  }

  @Test
  void fiftyMegabyteLine_skipped_thenServed() throws Exception {
    byte[] line = new byte[50 * 1024 * 1024 + 1];
    Arrays.fill(line, (byte) 'a');
    line[0] = '"';
    line[line.length - 2] = '"';
    line[line.length - 1] = '\n';
    send(line);
    JsonNode error = error(-32700);
    assertThat(error.path("error").path("message").asText()).contains("4 MiB");
    pingIsAnswered(2);
  }

  @Test
  void tenThousandDeepNesting_parseError_thenServed() throws Exception {
    send("[".repeat(10_000) + "]".repeat(10_000));
    assertThat(error(-32700).path("error").path("message").asText()).contains("64");
    send("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
    error(-32700);
    pingIsAnswered(3);
  }

  @Test
  void jsonThatIsNoJsonRpcMessage_invalidRequest_thenServed() throws Exception {
    for (String bad :
        List.of("{}", "[1,2]", "\"text\"", "null", "{\"jsonrpc\":\"2.0\",\"method\":7}")) {
      send(bad);
      error(-32600);
    }
    send("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":null}");
    assertThat(error(-32600).path("id").asInt()).isEqualTo(5);
    send("{\"jsonrpc\":\"2.0\",\"id\":{\"x\":1},\"method\":\"ping\"}");
    assertThat(error(-32600).get("id").isNull()).isTrue();
    pingIsAnswered(4);
  }

  @Test
  void oddButValidFraming_served() throws Exception {
    send("");
    send("   ");
    send("{\"jsonrpc\":\"2.0\",\r\"id\":6,\"method\":\"ping\"}\r");
    JsonNode answer = answer();
    assertThat(answer.path("id").asInt()).as(answer.toString()).isEqualTo(6);
    byte[] latin1 =
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"p\u00e9\"}\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    send(latin1);
    error(-32700);
    pingIsAnswered(8);
  }
}
