package dev.tollgate.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.cli.common.Show;
import dev.tollgate.pipeline.CanaryStatus;
import dev.tollgate.pipeline.PipelineStatus;
import dev.tollgate.pipeline.Stage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code tollgate status} while a run's deploy stage runs a canary: share, version, bake end. */
class StatusCanaryTest {
  private static final long NOW = 1_796_000_000_000L;
  private static final long BAKE = 30 * 60_000L;

  private static String status(CanaryStatus canary) {
    var text = new StringWriter();
    var status =
        new PipelineStatus(
            "energy-load",
            "r4",
            Stage.DEPLOYING,
            List.of(),
            Map.of(),
            4,
            null,
            List.of(),
            null,
            null,
            null,
            canary,
            null);
    new StatusPrinter(new PrintWriter(text), NOW).print("pipeline/energy-load/r4", status, null);
    return text.toString();
  }

  @Test
  void whileItBakesTheLineSaysShareVersionAndWhenTheBakeEnds() {
    long ends = NOW + 8 * 60_000 + 12_000;
    String out = status(new CanaryStatus(4, 10, 3, BAKE, CanaryStatus.Phase.BAKING, ends));

    assertThat(out)
        .contains("  stage     DEPLOYING")
        .contains(
            "  canary    v4 answers 10% of requests beside v3, baking until "
                + Show.time(ends)
                + " (in 8m 12s)");
  }

  @Test
  void beforeAndAfterTheBakeTheLineSaysWhatHappensNow() {
    assertThat(status(new CanaryStatus(4, 10, 3, BAKE, CanaryStatus.Phase.SMOKE_TEST, null)))
        .contains(
            "  canary    v4 answers 10% of requests beside v3, smoke-tested there before its 30m"
                + " bake");
    assertThat(
            status(
                new CanaryStatus(
                    4, 10, 3, BAKE, CanaryStatus.Phase.TAKING_ALL_TRAFFIC, NOW - 1_000)))
        .contains("  canary    v4 baked 30m and takes all the traffic: smoke test, then promotion");
  }

  @Test
  void noCanaryNoLine() {
    assertThat(status(null)).doesNotContain("canary");
  }
}
