package dev.plandev.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.cli.CliRun;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
  @TempDir Path dir;

  @Test
  void firstStart_printsAnAdminKeyAndOneTimeSignInLink_thatWork_andKeysCommandsManageKeys()
      throws Exception {
    CliRun cli = new CliRun(dir);
    CliRun.Running serve = cli.start("serve", "--port", "0");
    String out = serve.awaitOutput("Stop with Ctrl-C", Duration.ofSeconds(60));
    Matcher url =
        Pattern.compile("plandev serving on (http://127\\.0\\.0\\.1:\\d+)[\\s\\S]*?(pdk_\\w+)")
            .matcher(out);
    assertThat(url.find()).as(out).isTrue();
    assertThat(out).doesNotContain("#key=");
    Matcher link =
        Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/signin\\?token=[\\w-]+)").matcher(out);
    assertThat(link.find()).as(out).isTrue();
    HttpRequest signIn = HttpRequest.newBuilder(URI.create(link.group(1))).build();
    HttpResponse<String> first =
        HttpClient.newHttpClient().send(signIn, HttpResponse.BodyHandlers.ofString());
    assertThat(first.statusCode()).as("the link signs in, then leaves the URL").isEqualTo(303);
    assertThat(first.headers().firstValue("Location")).hasValue("/");
    assertThat(first.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("plandev_session=")
                    .contains("HttpOnly", "SameSite=Strict"));
    HttpResponse<String> second =
        HttpClient.newHttpClient().send(signIn, HttpResponse.BodyHandlers.ofString());
    assertThat(second.statusCode()).as("the link works once").isEqualTo(401);
    assertThat(second.body()).contains("already used");
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url.group(1) + "/api/v1/defaults"))
                    .header("Authorization", "Bearer " + url.group(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    String initialize =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    HttpRequest.Builder mcp =
        HttpRequest.newBuilder(URI.create(url.group(1) + "/mcp"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(initialize));
    HttpResponse<String> anonymous =
        HttpClient.newHttpClient().send(mcp.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).as("/mcp needs an API key").isEqualTo(401);
    HttpResponse<String> agent =
        HttpClient.newHttpClient()
            .send(
                mcp.header("Authorization", "Bearer " + url.group(2)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(agent.statusCode()).isEqualTo(200);
    assertThat(agent.body()).contains("serverInfo").contains("plandev");
    serve.thread().interrupt();
    serve.thread().join(30_000);
    assertThat(serve.thread().isAlive()).isFalse();

    CliRun.Running again = cli.start("serve", "--port", "0");
    assertThat(again.awaitOutput("Stop with Ctrl-C", Duration.ofSeconds(60)))
        .doesNotContain("First start");
    again.thread().interrupt();
    again.thread().join(30_000);

    CliRun.Result created = cli.run("keys", "create", "ci-bot", "--role", "editor");
    assertThat(created.code()).isZero();
    assertThat(created.out()).startsWith("pdk_");
    assertThat(cli.run("keys", "list").out())
        .contains("admin")
        .contains("ci-bot")
        .contains("editor")
        .doesNotContain(created.out().trim());
    assertThat(cli.run("keys", "revoke", "ci-bot").out()).contains("revoked key 'ci-bot'");
    assertThat(cli.run("keys", "create", "bad name!").code()).isEqualTo(2);
    assertThat(cli.run("keys", "revoke", "ghost").code()).isEqualTo(1);
  }

  @Test
  void portInUse_saysSoInOneLine_namingThePort_exit1_andCreatesNoKey() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      CliRun cli = new CliRun(dir);
      CliRun.Result r = cli.run("serve", "--port", Integer.toString(port));
      assertThat(r.code()).as(r.err()).isEqualTo(1);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
      assertThat(r.err())
          .contains("port " + port)
          .contains("already in use")
          .contains("--port")
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
      assertThat(r.out()).doesNotContain("pdk_");
      // The first admin key is made only once the service is up: else it is never shown.
      CliRun.Running serve = cli.start("serve", "--port", "0");
      assertThat(serve.awaitOutput("Stop with Ctrl-C", Duration.ofSeconds(60)))
          .contains("First start");
      serve.thread().interrupt();
      serve.thread().join(30_000);
    }
  }
}
