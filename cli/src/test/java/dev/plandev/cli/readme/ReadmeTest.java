package dev.plandev.cli.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plandev.cli.readme.ReadmeExample.Kind;
import dev.plandev.testing.Prerequisites;
import dev.plandev.testing.SharedData;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code bash} block of README.md, run in order as a newcomer would run it on a fresh clone
 * (as Jdbi compiles its documentation examples): a README example that breaks fails the build.
 *
 * <p>The commands run in one bash session, in a temporary folder that holds a copy of the
 * repository's {@code examples/} (the files the README may use) and, beside it, {@code ../shared}
 * (the shared data folder). {@code ./plandev} there is a script that runs {@code
 * dev.plandev.cli.Main} from this test's class path in a new JVM: the real launcher would run
 * Maven. The data directory is fresh (a temporary home, and {@code data/} in the temporary folder),
 * and {@code serve} listens on a free port, which replaces {@code 127.0.0.1:8080} in the commands.
 *
 * <p>Each command must exit with the code its comment states ({@code # exit N}, else 0) and print
 * the line its {@code # -> text} comment shows. {@code serve}, {@code watch} and {@code mcp} run
 * until stopped, in a terminal as here: they start in the background with a stdin held open, must
 * answer (serve's banner, watch's first line, mcp's answer to an {@code initialize} request) and
 * keep running until the last block, since the tour talks to the service. {@code mvn} is not run —
 * this test runs inside {@code mvn -B verify}, so it would start itself — nor are the benchmarks
 * (minutes, and {@code wrk}); for those the test checks that the scripts and benchmark classes they
 * name exist.
 */
class ReadmeTest {
  private static final Duration COMMAND_PATIENCE = Duration.ofMinutes(10);
  private static final Duration START_PATIENCE = Duration.ofMinutes(2);
  private static final String DOCUMENTED_ADDRESS = "127.0.0.1:8080";
  private static final String MCP_INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"readme-test\","
          + "\"version\":\"1\"}}}\n";

  /** What shows that a long-running command has started and answers. */
  private static final Map<String, Predicate<String>> STARTED =
      Map.of(
          "serve", out -> out.contains("serving on http://"),
          "watch", out -> out.contains("watching "),
          "mcp", out -> out.contains("\"id\":1") && out.contains("\"result\""));

  @TempDir Path tmp;

  @Test
  void everyShellExampleOfTheReadme_runsAsWritten() throws Exception {
    Path repo = SharedData.repo();
    List<ReadmeExample> examples =
        ReadmeExample.parse(Files.readString(repo.resolve("README.md"), StandardCharsets.UTF_8));
    assertThat(examples).extracting(ReadmeExample::kind).contains(Kind.RUN, Kind.LONG_RUNNING);
    Prerequisites.require(onPath("bash"), "bash is not on the PATH; the README test needs it");
    if (examples.stream().anyMatch(e -> e.command().startsWith("curl "))) {
      Prerequisites.require(onPath("curl"), "curl is not on the PATH; the README's tour uses it");
    }

    Path checkout = Files.createDirectories(tmp.resolve("checkout"));
    copy(repo.resolve("examples"), checkout.resolve("examples"));
    commitAsAClone(checkout);
    if (examples.stream().anyMatch(e -> e.command().contains("../shared"))) {
      Files.createSymbolicLink(tmp.resolve("shared"), SharedData.folder());
    }
    launcher(checkout.resolve("plandev"));
    int port = freePort();

    List<String> failures = new ArrayList<>();
    try (ShellSession shell = new ShellSession(checkout, environment(port), tmp.resolve("runs"))) {
      for (ReadmeExample example : examples) {
        String command = example.command().replace(DOCUMENTED_ADDRESS, "127.0.0.1:" + port);
        switch (example.kind()) {
          case NOT_RUN -> failures.addAll(namedFilesMissing(example, repo));
          case LONG_RUNNING -> failures.addAll(started(shell, example, command));
          case RUN -> {
            ShellSession.Result r = shell.run(command, COMMAND_PATIENCE);
            if (r.code() != example.exitCode() || !example.outputMatches(r.out())) {
              failures.add(describe(example, r));
            }
          }
          default -> throw new AssertionError(example.kind());
        }
      }
    }
    assertThat(failures).as("README examples that do not run as written").isEmpty();
  }

  private static List<String> started(ShellSession shell, ReadmeExample example, String command)
      throws IOException, InterruptedException {
    String name = example.plandevCommand().orElseThrow();
    ShellSession.Background b = shell.start(command, COMMAND_PATIENCE);
    if (name.equals("mcp")) {
      b.stdin().write(MCP_INITIALIZE.getBytes(StandardCharsets.UTF_8));
      b.stdin().flush();
    }
    try {
      await()
          .atMost(START_PATIENCE)
          .failFast("it ended", () -> !b.alive())
          .until(() -> STARTED.get(name).test(b.output()));
      return List.of();
    } catch (org.awaitility.core.ConditionTimeoutException
        | org.awaitility.core.TerminalFailureException e) {
      return List.of(
          "README line "
              + example.line()
              + ": "
              + example.command()
              + "\n  did not start and answer ("
              + e.getMessage()
              + "); it printed:\n"
              + indent(b.output()));
    }
  }

  /** The scripts and benchmark classes a command the test does not run names, when missing. */
  private static List<String> namedFilesMissing(ReadmeExample example, Path repo)
      throws IOException {
    List<String> missing = new ArrayList<>();
    Matcher script = Pattern.compile("(?<=^|\\s)(bench/\\S+\\.sh)").matcher(example.command());
    while (script.find()) {
      if (!Files.isExecutable(repo.resolve(script.group(1)))) {
        missing.add("README line " + example.line() + ": no script " + script.group(1));
      }
    }
    Matcher benchmark = Pattern.compile("benchmarks\\.jar\\s+(\\w+)").matcher(example.command());
    while (benchmark.find()) {
      String file = benchmark.group(1) + ".java";
      try (Stream<Path> sources = Files.walk(repo.resolve("bench/src"))) {
        if (sources.noneMatch(p -> p.getFileName().toString().equals(file))) {
          missing.add("README line " + example.line() + ": no benchmark " + benchmark.group(1));
        }
      }
    }
    return missing;
  }

  private static String describe(ReadmeExample example, ShellSession.Result r) {
    return "README line "
        + example.line()
        + ": "
        + example.command()
        + "\n  exit "
        + r.code()
        + " (README: "
        + example.exitCode()
        + ")"
        + example.output().map(o -> ", output shown in the README: " + o).orElse("")
        + "\n  stdout:\n"
        + indent(r.out())
        + "\n  stderr:\n"
        + indent(r.err());
  }

  private static String indent(String text) {
    return text.lines().limit(40).map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse("");
  }

  /**
   * The variables of the shell: the machine's PATH and Java, a temporary home (so that no per-user
   * data directory or setting of the machine is used) and the port of {@code serve}; no PLANDEV_*
   * variable of the machine.
   */
  private Map<String, String> environment(int port) throws IOException {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("HOME", home.toString());
    env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
    env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    env.put("USER", "ada");
    env.put("LANG", "C.UTF-8");
    env.put("PLANDEV_SERVER_PORT", Integer.toString(port));
    return env;
  }

  /** {@code ./plandev}: this test's classes in a new JVM, with the launcher's flags for speed. */
  private void launcher(Path script) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String text =
        "#!/usr/bin/env bash\n"
            + "# The README test's plandev: the classes under test, not a Maven build.\n"
            + "exec "
            + quote(java)
            + " -XX:TieredStopAtLevel=1 -Duser.home="
            + quote(tmp.resolve("home").toString())
            + " -cp "
            + quote(System.getProperty("java.class.path"))
            + " dev.plandev.cli.Main \"$@\"\n";
    Files.writeString(script, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /**
   * Makes the temporary checkout a git repository with the examples committed, as a clone is: the
   * project root is the git root, and {@code plandev history} has a history to read.
   */
  private static void commitAsAClone(Path checkout) throws GitAPIException {
    PersonIdent author =
        new PersonIdent("README test", "readme@plandev.invalid", Instant.EPOCH, ZoneOffset.UTC);
    try (Git git = Git.init().setDirectory(checkout.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern("examples").call();
      git.commit().setMessage("examples").setAuthor(author).setCommitter(author).call();
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static boolean onPath(String tool) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
