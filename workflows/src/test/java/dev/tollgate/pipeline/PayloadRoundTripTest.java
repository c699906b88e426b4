package dev.tollgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.tollgate.spec.ParamValue;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.TrialResult;
import dev.tollgate.stages.ValidationVerdict;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every record that crosses Temporal must survive its JSON converter: an extra method that looks
 * like a getter (isX()) is written out and then refused on the way back, which stalls a workflow
 * task forever rather than failing a test.
 */
class PayloadRoundTripTest {
  private static final DataConverter CONVERTER = DefaultDataConverter.newDefaultInstance();

  private static <T> T roundTrip(T value, Class<T> type) {
    return CONVERTER.fromPayload(CONVERTER.toPayload(value).orElseThrow(), type, type);
  }

  @Test
  void specsWithEverySectionAndASearchRoundTrip() {
    String yaml =
        PipelineFixture.SPEC
            .formatted(1)
            .replace(
                "  seed: 7\n",
                "  seed: 7\n  search: { method: random, trials: 3, space: { max_depth: [3, 5], shrinkage: { min: 0.01, max: 0.2 } } }\n");
    PipelineSpec spec = SpecParser.parse(yaml, "rt.yaml", Path.of("/"));
    PipelineRequest request = new PipelineRequest(spec, new RunOptions("r1", "me", "why"));
    assertThat(roundTrip(request, PipelineRequest.class)).isEqualTo(request);
  }

  @Test
  void hyperparametersOfEveryKindRoundTripAndNumbersKeepTheJsonOfPlainDoubles() {
    Map<String, ParamValue> typed =
        new java.util.TreeMap<>(
            Map.of(
                "max_depth", ParamValue.number(6),
                "shrinkage", ParamValue.number(0.05),
                "loss", ParamValue.text("log_loss"),
                "warm_start", ParamValue.flag(true)));
    TrialResult trial = new TrialResult(0, typed, Map.of("rmse", 3.0), null, 5);
    assertThat(roundTrip(trial, TrialResult.class)).isEqualTo(trial);
    // A number travels exactly as the Double it was before values were typed.
    Map<String, Object> plain = new java.util.TreeMap<>();
    typed.forEach((k, v) -> plain.put(k, v.plain()));
    assertThat(CONVERTER.toPayload(typed).orElseThrow().getData().toStringUtf8())
        .isEqualTo(CONVERTER.toPayload(plain).orElseThrow().getData().toStringUtf8())
        .isEqualTo(
            "{\"loss\":\"log_loss\",\"max_depth\":6.0,\"shrinkage\":0.05,\"warm_start\":true}");
  }

  @Test
  void resultsAndStatusRoundTrip() {
    SearchSummary search =
        new SearchSummary(
            "rmse",
            List.of(
                new TrialResult(
                    0, Map.of("trees", ParamValue.number(10)), Map.of("rmse", 3.0), null, 5),
                TrialResult.failed(1, Map.of("trees", ParamValue.number(20)), "boom")),
            0);
    PipelineResult result =
        new PipelineResult(
            Outcome.DEPLOYED,
            "m",
            "r1",
            2,
            Map.of("rmse", 3.0),
            PipelineFixture.PASSED,
            new DecisionRecord("alice", true, "ok", 1L, "update", true, null),
            List.of(new StageRecord(Stage.SEARCHING, 1, 2, true, "best")),
            1,
            null,
            search,
            List.of(),
            null,
            null);
    assertThat(roundTrip(result, PipelineResult.class)).isEqualTo(result);
    PipelineStatus status =
        new PipelineStatus(
            "m",
            "r1",
            Stage.AWAITING_APPROVAL,
            result.stages(),
            result.metrics(),
            2,
            new ApprovalWait(
                List.of("alice"),
                1,
                1,
                2,
                List.of(),
                new DecisionSubject("pipeline/m/r1", "run-1", 2, "abc")),
            List.of(),
            null,
            PipelineFixture.PASSED,
            new dev.tollgate.policy.PolicyApplied(
                "m.yaml", "0123456789abcdef", List.of("min_approvals 1 -> 2")),
            null,
            null);
    assertThat(roundTrip(status, PipelineStatus.class)).isEqualTo(status);
    PipelineStatus baking =
        new PipelineStatus(
            "m",
            "r1",
            Stage.DEPLOYING,
            result.stages(),
            result.metrics(),
            2,
            null,
            List.of(),
            null,
            PipelineFixture.PASSED,
            null,
            new CanaryStatus(2, 10, 1, 1_800_000, CanaryStatus.Phase.BAKING, 1_900_000L),
            null);
    assertThat(roundTrip(baking, PipelineStatus.class)).isEqualTo(baking);
    PipelineStatus nested = roundTrip(baking, PipelineStatus.class);
    assertThat(nested.canary().bake()).isEqualTo("30m");
    // A request and a deploy with who let it in, and one from before (no authority): both read.
    var request =
        new dev.tollgate.stages.DeployRequest(
            PipelineFixture.V1,
            new dev.tollgate.spec.DeploySpec(dev.tollgate.spec.DeploySpec.Target.LOCAL, true, null),
            null,
            "r1",
            null,
            dev.tollgate.stages.DeployAuthority.approved(List.of("alice", "bob")));
    assertThat(roundTrip(request, dev.tollgate.stages.DeployRequest.class)).isEqualTo(request);
  }

  @Test
  void verdictsWithHtmlReportAndBaselineMetricsRoundTrip() {
    ValidationVerdict verdict =
        new ValidationVerdict(
            false,
            List.of(new CheckResult("baseline.rmse", 0.07, "≤ 0.05", CheckResult.Status.FAIL, "m")),
            "file:/r/validation.json",
            "aa",
            "file:/r/validation.html",
            "bb",
            Map.of("rmse", 27.1, "r2", 0.86));
    assertThat(roundTrip(verdict, ValidationVerdict.class)).isEqualTo(verdict);
    ValidationVerdict old = new ValidationVerdict(true, List.of(), "file:/r/validation.json", "aa");
    assertThat(roundTrip(old, ValidationVerdict.class)).isEqualTo(old);
  }

  @Test
  void aVerdictWrittenBeforeTheHtmlReportReadsItsNewFieldsAsNull() {
    String older =
        "{\"passed\":true,\"checks\":[],\"reportUri\":\"file:/r/validation.json\","
            + "\"reportDigest\":\"aa\"}";
    Payload payload =
        Payload.newBuilder()
            .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
            .setData(ByteString.copyFromUtf8(older))
            .build();
    ValidationVerdict read =
        CONVERTER.fromPayload(payload, ValidationVerdict.class, ValidationVerdict.class);
    assertThat(read)
        .isEqualTo(new ValidationVerdict(true, List.of(), "file:/r/validation.json", "aa"));
    assertThat(read.htmlReportUri()).isNull();
    assertThat(read.baselineMetrics()).isNull();
  }
}
