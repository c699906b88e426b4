package dev.tollgate.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.spec.DeploySpec;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.spec.TrainingCommandSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled examples parse, and their paths resolve next to the spec. */
class ExampleSpecTest {
  @Test
  void energyExampleParses() {
    Path file = Path.of("../examples/energy/energy-load.yaml");

    PipelineSpec spec = SpecParser.parse(file);

    assertThat(spec.model()).isEqualTo("energy-load");
    assertThat(spec.data().train()).startsWith("file:").endsWith("/examples/energy/load.csv");
    assertThat(spec.data().features())
        .containsExactly("hour", "day_of_week", "temperature", "humidity");
    assertThat(spec.approval().approvers()).containsExactly("alice", "bob");
    assertThat(spec.validation().thresholds()).containsKeys("rmse", "r2");
    assertThat(spec.notifications().slackChannel()).isEqualTo("#ml-deploys");
  }

  @Test
  void theTrainingCommandExamplesRunTheirTrainerInItsVenv() {
    for (String spec :
        List.of("churn-sklearn/churn.yaml", "lightgbm-regressor/bike-rentals.yaml")) {
      PipelineSpec parsed = SpecParser.parse(Path.of("../examples", spec));
      TrainingCommandSpec command = parsed.training().command();
      String folder = "/examples/" + spec.substring(0, spec.indexOf('/'));

      assertThat(command.command()).as(spec).containsExactly("python", "train.py");
      assertThat(command.workdir()).endsWith(folder + "/trainer");
      assertThat(command.requirements()).endsWith(folder + "/trainer/requirements.txt");
      assertThat(command.params()).isNotEmpty();
      assertThat(command.timeout()).isEqualTo(Duration.ofMinutes(30));
      assertThat(parsed.deploy().target()).isEqualTo(DeploySpec.Target.LOCAL);
    }
  }

  @Test
  void theRayExampleRunsItsTrainerAsARayJob() {
    PipelineSpec spec = SpecParser.parse(Path.of("../examples/ray-xgboost/fares.yaml"));
    TrainingCommandSpec command = spec.training().command();

    assertThat(command.onRay()).isTrue();
    assertThat(command.inContainer()).isFalse();
    assertThat(command.command()).containsExactly("python", "train.py");
    assertThat(command.workdir()).endsWith("/examples/ray-xgboost/trainer");
    // the nodes' Python brings the packages: no venv on the worker, none installed by Ray
    assertThat(command.requirements()).isNull();
    assertThat(command.ray().requirements()).isNull();
    assertThat(command.ray().pip()).isEmpty();
    // no address in the spec: the worker's --ray-address decides where it runs
    assertThat(command.ray().address()).isNull();
    assertThat(command.params()).containsKeys("num_boost_round", "num_workers");
    assertThat(command.timeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(spec.data().train()).endsWith("/examples/ray-xgboost/fares.csv");
    assertThat(spec.data().features())
        .containsExactly(
            "distance_km", "duration_min", "hour", "day_of_week", "passengers", "airport", "rain");
    assertThat(spec.deploy().target()).isEqualTo(DeploySpec.Target.LOCAL);
  }

  @Test
  void theImportExampleImportsTheFileItsScriptMakes() {
    PipelineSpec spec = SpecParser.parse(Path.of("../examples/import-onnx/deliveries.yaml"));

    assertThat(spec.training().command().imported()).isTrue();
    assertThat(spec.training().command().importUri())
        .startsWith("file:")
        .endsWith("/examples/import-onnx/model/model.onnx");
    assertThat(spec.data().train()).endsWith("/examples/import-onnx/deliveries.csv");
  }
}
