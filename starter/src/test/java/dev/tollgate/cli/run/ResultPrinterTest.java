package dev.tollgate.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.stages.Outcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exit code of a followed run: 0 for what the run was asked to do, 1 otherwise. */
class ResultPrinterTest {
  private static int exit(Outcome outcome) {
    PipelineResult r =
        new PipelineResult(
            outcome,
            "m",
            "r1",
            2,
            Map.of("rmse", 1.0),
            null,
            null,
            List.of(),
            null,
            null,
            null,
            List.of(),
            null,
            null);
    return ResultPrinter.print(new PrintWriter(new StringWriter()), r);
  }

  @Test
  void deployedAndAPassedCheckRunAreDoneTheRestIsNot() {
    assertThat(exit(Outcome.DEPLOYED)).isEqualTo(ExitCodes.OK);
    assertThat(exit(Outcome.VALIDATED)).isEqualTo(ExitCodes.OK);
    assertThat(exit(Outcome.REJECTED_BY_VALIDATION)).isEqualTo(ExitCodes.NOT_DONE);
    assertThat(exit(Outcome.FAILED)).isEqualTo(ExitCodes.NOT_DONE);
  }
}
