package dev.tollgate.activities.guardian;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.StageHarness;
import dev.tollgate.activities.TestData;
import dev.tollgate.guardian.InspectRequest;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.Task;
import dev.tollgate.spec.ValidationSpec;
import dev.tollgate.stages.DataInspection;
import dev.tollgate.stages.ModelVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guardian's data check on real data: a model trained and promoted (XGBoost, real files), then
 * new data with x1 shifted and new data drawn like the training data.
 */
class GuardianActivitiesTest {
  private static final ValidationSpec.DriftSpec PSI = new ValidationSpec.DriftSpec("psi", 0.1, 0.5);

  @TempDir Path dir;

  private PipelineSpec spec() throws IOException {
    Path csv = TestData.linearCsv(dir.resolve("train.csv"), 3000, 1, 0);
    return TestData.spec(
        TestData.data(csv), TestData.fastBoosting(), TestData.validation(java.util.Map.of()));
  }

  private static InspectRequest request(PipelineSpec spec, Path data) {
    return new InspectRequest(
        spec.model(), Task.REGRESSION, spec.data().withTrain(data.toUri().toString()), PSI);
  }

  @Test
  void aShiftedColumnDriftsAndAnUnshiftedOneDoesNot() throws IOException {
    try (StageHarness h = new StageHarness(dir.resolve("home"))) {
      PipelineSpec spec = spec();
      ModelVersion v1 = h.deployed(spec, "r1");

      Path shifted = TestData.linearCsv(dir.resolve("new/shifted.csv"), 2500, 7, 4.0);
      DataInspection drift = h.guardian().inspect(request(spec, shifted));
      assertThat(drift.skipped()).isNull();
      assertThat(drift.productionVersion()).isEqualTo(v1.version());
      assertThat(drift.driftShare()).isEqualTo(0.5);
      assertThat(drift.features())
          .extracting(DataInspection.Feature::name, DataInspection.Feature::drifted)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("x1", true),
              org.assertj.core.groups.Tuple.tuple("x2", false));
      assertThat(drift.features().getFirst().value()).isGreaterThan(0.5);
      assertThat(drift.sourceRows()).isEqualTo(2500);
      assertThat(drift.productionRows()).isEqualTo(3000);

      Path same = TestData.linearCsv(dir.resolve("new/same.csv"), 4000, 8, 0);
      DataInspection calm = h.guardian().inspect(request(spec, same));
      assertThat(calm.driftShare()).isZero();
      assertThat(calm.features()).noneMatch(DataInspection.Feature::drifted);
      assertThat(calm.newRows()).isEqualTo(1000);
    }
  }

  @Test
  void newDataWithoutItsLabelsYetIsCheckedOnItsInputs() throws IOException {
    try (StageHarness h = new StageHarness(dir.resolve("home"))) {
      PipelineSpec spec = spec();
      h.deployed(spec, "r1");
      StringBuilder csv = new StringBuilder("x1,x2\n");
      java.util.Random random = new java.util.Random(3);
      for (int i = 0; i < 1500; i++) {
        csv.append(
            String.format(
                java.util.Locale.ROOT,
                "%.4f,%.4f%n",
                10 * random.nextDouble(),
                5 + 10 * random.nextDouble()));
      }
      Path unlabelled = Files.writeString(dir.resolve("unlabelled.csv"), csv);
      DataInspection found = h.guardian().inspect(request(spec, unlabelled));
      assertThat(found.sourceRows()).isEqualTo(1500);
      assertThat(found.features())
          .extracting(DataInspection.Feature::name, DataInspection.Feature::drifted)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("x1", false),
              org.assertj.core.groups.Tuple.tuple("x2", true));
    }
  }

  @Test
  void noProductionModelIsASkipNotAFailure() throws IOException {
    try (StageHarness h = new StageHarness(dir.resolve("home"))) {
      PipelineSpec spec = spec();
      DataInspection first = h.guardian().inspect(request(spec, dir.resolve("train.csv")));
      assertThat(first.skipped())
          .isEqualTo("no Production model of demo-model yet: nothing to compare the data with");
    }
  }

  @Test
  void driftDataWithoutAColumnTheModelNeedsNamesTheKeyAndTheColumn() throws IOException {
    try (StageHarness h = new StageHarness(dir.resolve("home"))) {
      PipelineSpec spec = spec();
      h.deployed(spec, "r1");
      Path lacking = Files.writeString(dir.resolve("lacking.csv"), "id,x1,y\n1,2.0,3.0\n");
      var failure =
          businessFailure(
              () -> h.guardian().inspect(request(spec, lacking)), FailureTypes.INVALID_DATA);
      assertThat(failure.getOriginalMessage())
          .startsWith(
              "schedule.drift_data " + lacking.toUri() + ": lacking.csv has no column 'x2'");
    }
  }

  @Test
  void specFeaturesProductionLacksAreNotedNotCompared() throws IOException {
    try (StageHarness h = new StageHarness(dir.resolve("home"))) {
      PipelineSpec spec = spec();
      h.deployed(spec, "r1");
      DataSpec wider = new DataSpec(spec.data().train(), "y", List.of("x1", "x2", "id"), 100, null);
      InspectRequest request = new InspectRequest(spec.model(), Task.REGRESSION, wider, PSI);
      DataInspection found = h.guardian().inspect(request);
      assertThat(found.note())
          .isEqualTo(
              "not compared: id (data.features has them, demo-model v1 was trained without them)");
      assertThat(found.features())
          .extracting(DataInspection.Feature::name)
          .containsExactly("x1", "x2");
    }
  }
}
