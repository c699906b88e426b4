package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The probe as a test: a spec pointing data.train at the worker's own environment ({@code
 * /proc/self/environ}), or with {@code ..} at a file outside the worker's data roots, is refused
 * with a message saying why, and the worker's secrets (fake, distinctive values in its environment)
 * appear nowhere a run's failure goes: {@code tollgate status}, the worker log, the home's
 * events.jsonl, a webhook, the Temporal history. The worker and the CLI hold a codec key, so the
 * history also shows that the failure message itself is encrypted there.
 */
class DataAccessIT {
  private static final Duration TO_END = Duration.ofMinutes(2);
  private static final String APPROVAL_KEY = fakeKey("approval-key-SENTINEL-4c1e9-0123456789");
  private static final String AWS_SECRET = "FakeAwsSecretSENTINEL0c7d2e9b41a85f";
  private static final String CODEC_KEY = fakeKey("codec-key-SENTINEL-ab12cd34ef567");
  private static final String FILE_SECRET = "file-secret-SENTINEL-9d8e7f";

  private static TemporalDevServer server;
  private static WorkerProcess worker;
  private static WebhookReceiver webhook;
  private static Cli cli;
  private static Runs runs;
  private static Path specs;
  private static Path outsideFile;

  @BeforeAll
  static void start() throws IOException {
    server = TemporalDevServer.start("data-access");
    webhook = new WebhookReceiver();
    Map<String, String> secrets =
        Map.of(
            "TOLLGATE_APPROVAL_KEY",
            APPROVAL_KEY,
            "AWS_ACCESS_KEY_ID",
            "AKIAFAKESENTINEL0001",
            "AWS_SECRET_ACCESS_KEY",
            AWS_SECRET,
            "TOLLGATE_CODEC_KEY",
            "it1:" + CODEC_KEY,
            // the webhook receiver on loopback, on the allow-list as an operator would put it
            "TOLLGATE_OUTBOUND_ALLOWED_HOSTS",
            "127.0.0.1");
    // the default roots: the folder the worker starts in (starter/), which holds the specs
    worker =
        WorkerProcess.start(
            "data-access",
            server.address(),
            "default",
            ItSettings.newWorkDir("data-access-home"),
            secrets);
    cli = new Cli(server.address(), "default", Map.of("TOLLGATE_CODEC_KEY", "it1:" + CODEC_KEY));
    runs = new Runs(cli, () -> worker.tail() + "\nServer log: " + server.log());
    specs = ItSettings.newWorkDir("data-access-specs");
    // outside every root of the worker: the system's temporary folder
    outsideFile = Files.createTempFile("tollgate-it-outside-", ".csv");
    Files.writeString(outsideFile, "TOKEN=" + FILE_SECRET + "\n1\n");
  }

  @AfterAll
  static void stop() throws IOException {
    if (worker != null) worker.close();
    if (webhook != null) webhook.close();
    if (server != null) server.close();
    if (outsideFile != null) Files.deleteIfExists(outsideFile);
  }

  @Test
  void theWorkersEnvironmentIsRefusedAndLeaksNowhere() throws IOException {
    RunStatus done = runToItsEnd("it-environ", "file:/proc/self/environ");
    assertThat(done.lines().get("cause"))
        .contains(
            "Train: TollgateInvalidData: dataset file:///proc/self/environ is under /proc, /sys"
                + " or /dev");
    assertLeaksNowhere("it-environ", done, "/proc, /sys or /dev");
  }

  @Test
  void aDotDotPathOutsideTheRootsIsRefusedAndLeaksNowhere() throws IOException {
    String up = "../".repeat(specs.getNameCount() + 2);
    RunStatus done = runToItsEnd("it-dotdot", "file:" + up + outsideFile.toString().substring(1));
    assertThat(done.lines().get("cause"))
        .contains("is outside the folders this worker reads datasets from")
        .contains("tollgate.data-access.roots");
    assertLeaksNowhere("it-dotdot", done, "is outside the folders");
  }

  private RunStatus runToItsEnd(String model, String train) throws IOException {
    Path spec = specs.resolve(model + ".yaml");
    Files.writeString(
        spec,
        """
        model: %s
        data: { train: "%s", target: load, features: [temperature], min_rows: 1 }
        training: { algorithm: linear }
        approval: { approvers: [alice] }
        notify: { webhook: { url: "%s" } }
        """
            .formatted(model, train, webhook.url()));
    ProcResult started = cli.run("run", "--spec", spec.toString(), "--run-id", "r1");
    assertThat(started.exitCode()).as(started.toString()).isZero();
    RunStatus done = runs.awaitFinished(model + "/r1", TO_END);
    assertThat(done.outcome()).as(done.toString()).startsWith("FAILED");
    return done;
  }

  /**
   * No secret in any of the places a failure travels to; {@code refusal}, a piece of the message,
   * is in clear in the events and the webhook (the worker's own records) and encrypted in the
   * history.
   */
  private void assertLeaksNowhere(String model, RunStatus status, String refusal)
      throws IOException {
    List<String> secrets = List.of(APPROVAL_KEY, AWS_SECRET, CODEC_KEY, FILE_SECRET, "SENTINEL");
    String events = Files.readString(worker.home().resolve("events.jsonl"));
    String log = Files.readString(worker.log());
    String history =
        server
            .temporal(
                "workflow",
                "show",
                "-n",
                "default",
                "-w",
                "pipeline/" + model + "/r1",
                "-o",
                "json")
            .out();
    Await.until(
        "the webhook's failed event of " + model,
        Duration.ofSeconds(30),
        () -> webhook.count(model, "failed"),
        n -> n > 0,
        worker::tail);
    String delivered =
        webhook.deliveries().stream()
            .filter(d -> d.of(model))
            .map(WebhookReceiver.Delivery::body)
            .reduce("", String::concat);

    assertThat(events).contains(refusal);
    assertThat(delivered).contains(refusal);
    assertThat(history).contains("Encoded failure").doesNotContain(refusal);
    for (String secret : secrets) {
      assertThat(status.result().output()).as("tollgate status").doesNotContain(secret);
      assertThat(log).as("worker log").doesNotContain(secret);
      assertThat(events).as("events.jsonl").doesNotContain(secret);
      assertThat(delivered).as("webhook").doesNotContain(secret);
      assertThat(history).as("history").doesNotContain(secret);
    }
  }

  /** A key of {@code text}'s bytes (32 of them, for AES-256), easy to search for in base64. */
  private static String fakeKey(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }
}
