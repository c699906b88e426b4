package dev.tollgate.cli.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tollgate.cli.CliRun;
import dev.tollgate.codec.TollgateDataConverter;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run written by a worker that encrypts payloads (key id k1), read by a CLI without that key: the
 * CLI says which key the data needs and where to put it, never Temporal's "No PayloadConverter is
 * registered for an encoding: binary/encrypted" behind "unexpected error".
 */
class CodecKeyCliTest {
  private static final String WORKER_KEYS = "k1:" + key(1);
  private static final String QUEUE = "codec-key-cli-test";
  private static TestServer.PortBoundTestServer server;
  private static WorkflowServiceStubs stubs;
  private static WorkerFactory workers;
  private static String address;

  @TempDir Path dir;

  /** Stands in for a pipeline run: its result is a payload like any run's, encrypted. */
  @WorkflowInterface
  public interface Echo {
    @WorkflowMethod
    String run(String text);
  }

  public static final class EchoImpl implements Echo {
    @Override
    public String run(String text) {
      return text;
    }
  }

  @BeforeAll
  static void aRunWrittenWithKeyK1() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = TestServer.createPortBoundServer(port);
    address = "127.0.0.1:" + port;
    stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    WorkflowClient encrypting =
        WorkflowClient.newInstance(
            stubs,
            WorkflowClientOptions.newBuilder()
                .setDataConverter(TollgateDataConverter.of(WORKER_KEYS))
                .build());
    workers = WorkerFactory.newInstance(encrypting);
    workers.newWorker(QUEUE).registerWorkflowImplementationTypes(EchoImpl.class);
    workers.start();
    Echo run =
        encrypting.newWorkflowStub(
            Echo.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId("pipeline/energy-load/c1")
                .setTaskQueue(QUEUE)
                .build());
    run.run("the run's result");
  }

  @AfterAll
  static void stop() throws Exception {
    workers.shutdownNow();
    stubs.shutdownNow();
    server.close();
  }

  @Test
  void withoutAKeyItSaysWhichKeyTheDataNeedsAndWhereToPutIt() {
    assumeTrue(System.getenv("TOLLGATE_CODEC_KEY") == null, "this JVM has a codec key set");

    CliRun run = CliRun.of("status", "energy-load/c1", "--address", address);

    assertSays(
        run,
        "this run's data is encrypted with key id 'k1'",
        "this command has no codec key",
        "TOLLGATE_CODEC_KEY",
        "--codec-key-file FILE");
  }

  @Test
  void keysWithoutItsIdNameTheIdsTheyHave() throws Exception {
    Path keys = Files.writeString(dir.resolve("keys"), "k2:" + key(2) + "\n");

    CliRun run =
        CliRun.of(
            "status", "energy-load/c1", "--address", address, "--codec-key-file", keys.toString());

    assertSays(run, "key id 'k1'", "do not include (they are [k2])", "--codec-key-file " + keys);
  }

  @Test
  void anotherKeyUnderTheSameIdDoesNotOpenIt() throws Exception {
    Path keys = Files.writeString(dir.resolve("keys"), "# not the worker's\nk1:" + key(9) + "\n");

    CliRun run =
        CliRun.of(
            "status", "energy-load/c1", "--address", address, "--codec-key-file", keys.toString());

    assertSays(run, "key id 'k1'", "does not open it", "not the worker's key");
  }

  private static void assertSays(CliRun run, String... says) {
    String terminal = run.out() + run.err();
    assertThat(run.exitCode()).as(terminal).isEqualTo(ExitCodes.USAGE);
    assertThat(terminal).contains(says);
    assertThat(terminal)
        .doesNotContain("unexpected error", "PayloadConverter", "Exception", "io.temporal.")
        .doesNotContain(key(1), key(2), key(9));
  }

  private static String key(int fill) {
    byte[] b = new byte[32];
    java.util.Arrays.fill(b, (byte) fill);
    return Base64.getEncoder().encodeToString(b);
  }
}
