package dev.plandev.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.cli.Plandev;
import dev.plandev.cli.invocation.Environment;
import dev.plandev.testing.Prerequisites;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes: {@code plandev daemon start} launches a daemon JVM, the C client (compiled with
 * the machine's cc) runs commands through it, and {@code daemon status} and {@code daemon stop} see
 * and stop it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaemonProcessTest {
  @TempDir static Path tmp;
  static Path client;
  static Map<String, String> env;
  static DaemonFolder folder;

  @BeforeAll
  static void compileClientAndStartDaemon() throws Exception {
    boolean cc = new ProcessBuilder("sh", "-c", "command -v cc").start().waitFor() == 0;
    Prerequisites.require(cc, "cc (a C compiler) is needed to build the daemon's client");
    client = tmp.resolve("plandev-client");
    Process compile =
        new ProcessBuilder(
                "cc", "-O2", "-Wall", "-Werror", "-o", client.toString(), source().toString())
            .redirectErrorStream(true)
            .start();
    String compiler = new String(compile.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(compile.waitFor()).as(compiler).isZero();
    folder = new DaemonFolder(tmp.resolve("daemon"));
    env = new HashMap<>();
    env.put("HOME", tmp.toString());
    env.put("USER", "tester");
    env.put("PATH", System.getenv("PATH"));
    env.put(DaemonFolder.VARIABLE, folder.path().toString());
    Result started = inProcess(tmp, "daemon", "start", "--idle-timeout", "10m");
    assertThat(started.code()).as(started.err()).isZero();
    assertThat(started.out()).contains("plandev daemon started", "stops after 10m");
  }

  @AfterAll
  static void stopDaemon() {
    if (folder != null) {
      DaemonClient.stop(folder);
    }
  }

  record Result(int code, String out, String err) {}

  static Path source() {
    Path here = Path.of("").toAbsolutePath();
    Path c = here.resolve("src/main/c/plandev-client.c");
    return Files.exists(c) ? c : here.resolve("cli/src/main/c/plandev-client.c");
  }

  static Result inProcess(Path dir, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Environment e =
        new Environment(
            Map.copyOf(env),
            dir,
            tmp,
            "Linux",
            Clock.systemUTC(),
            new ByteArrayInputStream(new byte[0]),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            false);
    return new Result(Plandev.run(e, args), out.toString(), err.toString());
  }

  static Process startClient(Path dir, String stdin, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(client.toString(), folder.socket().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    if (stdin == null) {
      return pb.start(); // standard input stays an open pipe
    }
    Path in = Files.writeString(tmp.resolve("stdin-" + System.nanoTime()), stdin);
    return pb.redirectInput(in.toFile()).start();
  }

  static Result client(Path dir, String stdin, String... args) throws Exception {
    Process p = startClient(dir, stdin == null ? "" : stdin, args);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out, err);
  }

  @Test
  @Order(1)
  void status_saysItRuns() {
    Result status = inProcess(tmp, "daemon", "status");
    assertThat(status.code()).isZero();
    assertThat(status.out()).contains("plandev daemon runs", "pid: ", "requests served: 0");
  }

  @Test
  @Order(2)
  void client_runsNewOnAHygenGenerator_asTheInProcessRun() throws Exception {
    Path direct = Files.createDirectories(tmp.resolve("direct"));
    Path served = Files.createDirectories(tmp.resolve("served"));
    for (Path dir : List.of(direct, served)) {
      assertThat(inProcess(dir, "new", "--copy-hygen", "plan-dev").code()).isZero();
    }
    Result expected = inProcess(direct, DaemonServerTest.HYGEN_NEW);
    Result actual = client(served, null, DaemonServerTest.HYGEN_NEW);
    assertThat(actual).isEqualTo(expected);
    assertThat(expected.code()).isZero();
    assertThat(files(served)).isEqualTo(files(direct)).isNotEmpty();
  }

  @Test
  @Order(3)
  void client_exitCodesStdinAndDeclines() throws Exception {
    assertThat(
            client(tmp, "[{\"key\": \"c.key\", \"value\": \"piped\"}]", "defaults", "import", "-"))
        .extracting(Result::code)
        .isEqualTo(0);
    assertThat(client(tmp, null, "defaults", "get", "c.key").out()).isEqualTo("piped\n");
    assertThat(client(tmp, null, "defaults", "get", "no.such.key").code()).isEqualTo(1);
    assertThat(client(tmp, null, "defaults", "get", "--no-such-option").code()).isEqualTo(2);
    assertThat(client(tmp, null, "serve")).isEqualTo(new Result(200, "", ""));
    assertThat(inProcess(tmp, "daemon", "status").out()).contains("requests declined: 1");
  }

  @Test
  @Order(4)
  void ctrlC_interruptsTheCommand_exit130() throws Exception {
    Process p = startClient(tmp, null, "defaults", "import", "-");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!DaemonClient.status(folder).orElse("").contains("running now: 1")) {
      assertThat(System.nanoTime()).as("the command starts").isLessThan(deadline);
      Thread.sleep(5);
    }
    assertThat(new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor())
        .isZero();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(130);
    assertThat(p.getErrorStream().readAllBytes()).isEmpty();
    assertThat(DaemonClient.status(folder).orElseThrow()).contains("running now: 0");
  }

  @Test
  @Order(5)
  void stop_thenTheClientFallsBack() throws Exception {
    Result stopped = inProcess(tmp, "daemon", "stop");
    assertThat(stopped.out()).contains("plandev daemon stopped");
    assertThat(folder.socket()).doesNotExist();
    assertThat(client(tmp, null, "--version")).isEqualTo(new Result(200, "", ""));
    assertThat(inProcess(tmp, "daemon", "status").code()).isEqualTo(1);
  }

  private static Map<String, String> files(Path dir) throws IOException {
    Map<String, String> files = new HashMap<>();
    try (Stream<Path> all = Files.walk(dir.resolve("roadmaps"))) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), Files.readString(p));
      }
    }
    return files;
  }
}
