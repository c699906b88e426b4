package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.outbound.CountingServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The security review's SSRF probe end to end: a spec whose webhook and MLflow URIs point at
 * servers on the worker's own loopback, started against the shared worker with its default
 * allow-list ({@code *}: public addresses only). Neither server is ever connected to; the run fails
 * at validation naming {@code tracking.mlflow.uri} and the host, and each notification is refused
 * (not retried) and logged naming {@code notify.webhook.url}.
 */
@ExtendWith(SharedStack.class)
class OutboundIT {
  private static final Duration TO_END = Duration.ofMinutes(3);

  @Test
  void specUrlsOnTheWorkersLoopbackAreNeverCalled() throws Exception {
    SharedStack stack = SharedStack.get();
    Cli cli = stack.cli();
    Runs runs =
        new Runs(cli, () -> stack.worker().tail() + "\nServer log: " + stack.server().log());
    try (CountingServer webhook = CountingServer.answering(200, "");
        CountingServer mlflow = CountingServer.answering(200, "{}")) {
      Path spec = stack.spec(ItSpecs.Spec.quick("it-outbound").webhook(webhook.url("/hook")));
      Files.writeString(
          spec,
          "tracking:\n  mlflow: { uri: \"" + mlflow.url("") + "\", experiment: it }\n",
          StandardOpenOption.APPEND);

      ProcResult started = cli.run("run", "--spec", spec.toString(), "--run-id", "r1");
      assertThat(started.exitCode()).as(started.toString()).isZero();
      RunStatus done = runs.awaitFinished("it-outbound/r1", TO_END);

      assertThat(done.outcome()).as(done.toString()).startsWith("FAILED");
      assertThat(done.lines().get("cause"))
          .as(done.toString())
          .contains(
              "tracking.mlflow.uri: refused to connect to 127.0.0.1:" + mlflow.port(),
              "tollgate.outbound.allowed-hosts");
      assertThat(stack.registry().promotions("it-outbound")).isZero();
      assertThat(mlflow.connections()).isZero();
      assertThat(webhook.connections()).isZero();
      String log = Files.readString(stack.worker().log());
      assertThat(log)
          .contains("notify.webhook.url: refused to connect to 127.0.0.1:" + webhook.port());
    }
  }
}
