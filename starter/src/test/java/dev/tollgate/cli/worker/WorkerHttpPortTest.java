package dev.tollgate.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.cli.CliRun;
import dev.tollgate.cli.TollgateCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * {@code tollgate worker --http-port 0} says in its ready lines where serving and the actuator
 * answer, on the port it really got (issue 22, item 8: the help did not mention the HTTP port and
 * the ready line did not say where HTTP listens).
 */
class WorkerHttpPortTest {
  @TempDir Path dir;

  @Test
  void helpNamesTheHttpPortAndAddress() {
    CliRun help = CliRun.of("worker", "--help");

    assertThat(help.out().replaceAll("\\s+", " "))
        .contains("--http-port=PORT", "$TOLLGATE_HTTP_PORT", "0 = any free port")
        .contains("--http-address=ADDRESS", "$TOLLGATE_HTTP_ADDRESS", "127.0.0.1");
  }

  @Test
  void theReadyLineGivesTheServingAndActuatorUrlsOnTheBoundPorts() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = TollgateCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    WorkerCommand worker = cli.getSubcommands().get("worker").getCommand();
    CompletableFuture<ConfigurableApplicationContext> ready = new CompletableFuture<>();
    worker.onReady = ready::complete;

    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                cli.execute(
                    "worker",
                    "--embedded-port",
                    "0",
                    "--http-port",
                    "0",
                    "--http-address",
                    "127.0.0.1",
                    "--management-port",
                    "0",
                    "--home",
                    dir.resolve("home").toString()));
    ConfigurableApplicationContext app;
    try {
      app = ready.get(2, TimeUnit.MINUTES);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("not ready: " + out + err, e);
    }
    try {
      Matcher line =
          Pattern.compile(
                  "  HTTP: serving (http://127\\.0\\.0\\.1:(\\d+)/v1/models), actuator"
                      + " (http://127\\.0\\.0\\.1:(\\d+)/actuator) \\(this machine only\\)")
              .matcher(out.toString());
      assertThat(line.find()).as(out.toString()).isTrue();
      int bound = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      assertThat(Integer.parseInt(line.group(2))).isEqualTo(bound).isPositive();
      int management =
          app.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
      assertThat(Integer.parseInt(line.group(4))).isEqualTo(management).isNotEqualTo(bound);

      // The printed URLs answer: the actuator's health, and serving's model list.
      assertThat(get(line.group(3) + "/health")).isEqualTo(200);
      assertThat(get(line.group(1))).isEqualTo(200);
    } finally {
      app.close();
    }
    assertThat(exit.get(1, TimeUnit.MINUTES)).isZero();
  }

  private static int get(String url) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }
}
