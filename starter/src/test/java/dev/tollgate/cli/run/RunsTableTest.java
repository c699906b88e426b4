package dev.tollgate.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.Timestamps;
import dev.tollgate.cli.CliRun;
import dev.tollgate.cli.FakeTemporalServer;
import dev.tollgate.cli.common.Columns;
import dev.tollgate.pipeline.SearchAttributes;
import io.temporal.api.common.v1.Memo;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.common.v1.WorkflowType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.internal.common.SearchAttributesUtil;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code tollgate runs} lines its columns up whatever the values: a long model name, a long
 * outcome, a run still in flight. The runs come from a server's visibility store ({@link
 * FakeTemporalServer#listing}), as from a real one.
 */
class RunsTableTest {
  private static final String LONG_ID =
      "pipeline/energy-load-eu-west-3-hourly-forecast/20261122-101845-a3f9c2";

  @Test
  void everyColumnStartsWhereItsHeaderDoesWithWideValues() throws Exception {
    List<WorkflowExecutionInfo> runs =
        List.of(
            run(LONG_ID, "COMPLETED", "REJECTED_BY_VALIDATION", "schedule", "REJECTED v4 (drift)"),
            run("pipeline/e/r1", "AWAITING_APPROVAL", null, "manual", null),
            run("pipeline/energy-load/r2", "COMPLETED", "DEPLOYED", "drift", "DEPLOYED v2"));
    try (var server = FakeTemporalServer.listing(runs)) {
      CliRun cli = CliRun.of("runs", "--address", server.address());

      assertThat(cli.exitCode()).as(cli.err()).isZero();
      List<String> lines = cli.out().lines().toList();
      assertThat(lines).hasSize(4);
      String header = lines.getFirst();
      String[] names = {"RUN", "STAGE", "OUTCOME", "TRIGGER", "STARTED", "SUMMARY"};
      String[][] cells = {
        {LONG_ID, "COMPLETED", "REJECTED_BY_VALIDATION", "schedule", null, "REJECTED v4 (drift)"},
        {"pipeline/e/r1", "AWAITING_APPROVAL", "-", "manual", null, "e"},
        {"pipeline/energy-load/r2", "COMPLETED", "DEPLOYED", "drift", null, "DEPLOYED v2"}
      };
      for (int c = 0; c < names.length; c++) {
        int at = header.indexOf(names[c]);
        assertThat(at).as(names[c]).isGreaterThanOrEqualTo(0);
        for (int r = 0; r < cells.length; r++) {
          String line = lines.get(r + 1);
          assertThat(line.length()).as(line).isGreaterThan(at);
          if (c > 0) assertThat(line.charAt(at - 1)).as("a gap before " + names[c]).isEqualTo(' ');
          assertThat(line.charAt(at)).as(names[c] + " of: " + line).isNotEqualTo(' ');
          if (cells[r][c] != null) assertThat(line.substring(at)).startsWith(cells[r][c]);
        }
      }
    }
  }

  @Test
  void columnsAreAsWideAsTheirWidestCellAndTheLastIsNotPadded() {
    List<String> lines =
        new Columns("A", "B", "C").add("wide cell", "x", "last").add(null, "yy", "").lines();

    assertThat(lines).containsExactly("A          B   C", "wide cell  x   last", "-          yy");
  }

  private static WorkflowExecutionInfo run(
      String id, String stage, String outcome, String trigger, String summary) {
    var attributes =
        io.temporal.common.SearchAttributes.newBuilder()
            .set(SearchAttributes.MODEL, id.split("/")[1])
            .set(SearchAttributes.STAGE, stage)
            .set(SearchAttributes.TRIGGER, trigger)
            .set(SearchAttributes.MODEL_VERSION, 4L);
    if (outcome != null) attributes.set(SearchAttributes.OUTCOME, outcome);
    Memo.Builder memo = Memo.newBuilder();
    if (summary != null) {
      memo.putFields(
          SearchAttributes.SUMMARY_MEMO,
          DefaultDataConverter.STANDARD_INSTANCE.toPayload(summary).orElseThrow());
    }
    return WorkflowExecutionInfo.newBuilder()
        .setExecution(
            WorkflowExecution.newBuilder().setWorkflowId(id).setRunId("run-" + id.length()))
        .setType(WorkflowType.newBuilder().setName("PipelineWorkflow"))
        .setStartTime(Timestamps.fromMillis(1_795_000_000_000L))
        .setStatus(
            outcome == null
                ? WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
                : WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED)
        .setSearchAttributes(SearchAttributesUtil.encodeTyped(attributes.build()))
        .setMemo(memo)
        .build();
  }
}
