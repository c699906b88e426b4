package dev.tollgate.cli.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.cli.CliRun;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.pipeline.DecisionRecord;
import dev.tollgate.pipeline.DecisionRequest;
import dev.tollgate.pipeline.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code approve} and {@code reject} while no worker runs: they used to hang (the SDK re-sends an
 * Update until a worker takes it). Now they say so within a few seconds, exit 1 and send nothing;
 * with {@code --wait-for-worker} they wait for one. A run waiting for approval on the embedded test
 * server, which like a real one keeps the run while no worker is there. The real-server case (a
 * worker stopped while the run waits) is PipelineIT's.
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NoWorkerApprovalTest {
  private TestServer.PortBoundTestServer server;
  private WorkflowServiceStubs stubs;
  private WorkflowClient client;
  private WorkerFactory workers;
  private String address;

  /** Stands in for a pipeline waiting at the gate: the same type, queue and Update name. */
  @WorkflowInterface
  public interface WaitingRun {
    @WorkflowMethod(name = "PipelineWorkflow")
    String run(String spec);

    @UpdateMethod(name = "decide")
    DecisionRecord decide(DecisionRequest decision);
  }

  public static final class WaitingRunImpl implements WaitingRun {
    private DecisionRecord decided;

    @Override
    public String run(String spec) {
      Workflow.await(() -> decided != null);
      return decided.approve() ? "approved" : "rejected";
    }

    @Override
    public DecisionRecord decide(DecisionRequest d) {
      decided =
          new DecisionRecord(
              d.by(), d.approve(), d.comment(), Workflow.currentTimeMillis(), "update", true, null);
      return decided;
    }
  }

  @BeforeEach
  void aRunWaitingForApprovalAndNoWorker() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = TestServer.createPortBoundServer(port);
    address = "127.0.0.1:" + port;
    stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    client = WorkflowClient.newInstance(stubs);
    client
        .newUntypedWorkflowStub(
            "PipelineWorkflow",
            WorkflowOptions.newBuilder()
                .setWorkflowId("pipeline/energy-load/r1")
                .setTaskQueue(TaskQueues.PIPELINE)
                .build())
        .start("spec");
    workers = WorkerFactory.newInstance(client);
    workers
        .newWorker(TaskQueues.PIPELINE)
        .registerWorkflowImplementationTypes(WaitingRunImpl.class);
  }

  @AfterEach
  void stop() throws Exception {
    workers.shutdownNow();
    workers.awaitTermination(5, TimeUnit.SECONDS);
    stubs.shutdownNow();
    server.close();
  }

  @Test
  void approveSaysNoWorkerIsPollingWithinSecondsAndExits1() {
    long start = System.nanoTime();
    CliRun run = CliRun.of("approve", "energy-load/r1", "--by", "alice", "--address", address);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.NOT_DONE);
    assertThat(run.err())
        .contains(
            "no worker is polling task queue " + TaskQueues.PIPELINE,
            "tollgate worker --address " + address,
            "--wait-for-worker DURATION",
            "Nothing was sent");
    assertThat(took).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void rejectSaysTheSame() {
    CliRun run =
        CliRun.of(
            "reject", "energy-load/r1", "--by", "bob", "--reason", "no", "--address", address);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.NOT_DONE);
    assertThat(run.err()).contains("no worker is polling task queue " + TaskQueues.PIPELINE);
  }

  @Test
  void withWaitForWorkerItWaitsForOneAndTheDecisionIsRecorded() throws Exception {
    CompletableFuture<CliRun> approving =
        CompletableFuture.supplyAsync(
            () ->
                CliRun.of(
                    "approve",
                    "energy-load/r1",
                    "--by",
                    "alice",
                    "--address",
                    address,
                    "--wait-for-worker",
                    "60s"));
    Thread.sleep(3_000);
    assertThat(approving).as("still waiting for a worker").isNotDone();
    workers.start();

    CliRun run = approving.get(60, TimeUnit.SECONDS);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("approved by alice");
    assertThat(client.newUntypedWorkflowStub("pipeline/energy-load/r1").getResult(String.class))
        .isEqualTo("approved");
  }

  @Test
  void waitingInVainSaysHowLongItWaited() {
    CliRun run =
        CliRun.of(
            "approve",
            "energy-load/r1",
            "--by",
            "alice",
            "--address",
            address,
            "--wait-for-worker",
            "6s");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.NOT_DONE);
    assertThat(run.err()).contains("no worker polled task queue tollgate-pipeline within 6s");
  }

  @Test
  void aDurationThatIsNotOneIsAUsageError() {
    CliRun run =
        CliRun.of("approve", "energy-load/r1", "--by", "alice", "--wait-for-worker", "soon");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--wait-for-worker", "expected a duration such as 30s");
  }
}
