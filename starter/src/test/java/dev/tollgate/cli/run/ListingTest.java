package dev.tollgate.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.cli.CliRun;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.stages.Outcome;
import io.temporal.testserver.TestServer;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * {@code runs} and {@code pending} build a safe visibility query, and on the embedded test server
 * (no visibility store) they say plainly that listing needs a real server. Listing against a real
 * server is covered by the integration suite.
 */
class ListingTest {

  @Test
  void buildsTheVisibilityQueryFromTypedFilters() {
    assertThat(RunQuery.of("energy-load", Stage.AWAITING_APPROVAL, null, true))
        .isEqualTo(
            "WorkflowType = 'PipelineWorkflow' AND TollgateModel = 'energy-load'"
                + " AND TollgateStage = 'AWAITING_APPROVAL' AND ExecutionStatus = 'Running'");
    assertThat(RunQuery.of(null, null, Outcome.DEPLOYED, false))
        .isEqualTo("WorkflowType = 'PipelineWorkflow' AND TollgateOutcome = 'DEPLOYED'");
  }

  @Test
  void aStageBeforeTheEndListsOnlyRunningRuns() {
    // A terminated run keeps the stage it stopped in: it is not still awaiting approval.
    assertThat(RunQuery.of(null, Stage.AWAITING_APPROVAL, null, false))
        .isEqualTo(
            "WorkflowType = 'PipelineWorkflow' AND TollgateStage = 'AWAITING_APPROVAL'"
                + " AND ExecutionStatus = 'Running'");
    assertThat(RunQuery.of(null, Stage.COMPLETED, null, false))
        .isEqualTo("WorkflowType = 'PipelineWorkflow' AND TollgateStage = 'COMPLETED'");
  }

  @Test
  void refusesAModelNameThatCouldBreakTheQuery() {
    CliRun r = CliRun.of("runs", "--model", "x' OR 'a'='a", "--address", "127.0.0.1:1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--model: not a model name");
  }

  @Test
  void anUnknownStageIsAUsageErrorListingTheStages() {
    CliRun r = CliRun.of("runs", "--stage", "LAUNCHING");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("AWAITING_APPROVAL");
  }

  @Test
  void saysPlainlyThatTheEmbeddedServerCannotList() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port, true)) {
      for (String command : new String[] {"runs", "pending"}) {
        CliRun r = CliRun.of(command, "--address", "localhost:" + port);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("listing runs needs a real Temporal server");
      }
    }
  }
}
