package dev.tollgate.activities.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.ActivityTesting;
import dev.tollgate.activities.TestData;
import dev.tollgate.spec.MetricBound;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.ValidationSpec;
import dev.tollgate.stages.DeployActivities;
import dev.tollgate.stages.DeployRequest;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.EventHeader;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.NotifyActivities;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.PromoteRequest;
import dev.tollgate.stages.RegisterRequest;
import dev.tollgate.stages.RegistryActivities;
import dev.tollgate.stages.RunFinished;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.TrainedModel;
import dev.tollgate.stages.ValidateActivities;
import dev.tollgate.stages.ValidationRequest;
import dev.tollgate.stages.ValidationVerdict;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stages as the worker wires them, run in pipeline order through Temporal stubs. */
class StageActivitiesTest {
  @TempDir Path home;

  @Test
  void createWiresTheStagesAndTheGuardianCheckThatRunAPipelineEndToEnd() throws Exception {
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
    StageActivities stages = StageActivities.create(home);
    assertThat(stages.all()).hasSize(6).doesNotContainNull();

    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(stages.all());
      var train = env.newActivityStub(TrainActivities.class, ActivityTesting.OPTIONS);
      var validate = env.newActivityStub(ValidateActivities.class, ActivityTesting.OPTIONS);
      var registry = env.newActivityStub(RegistryActivities.class, ActivityTesting.OPTIONS);
      var deploy = env.newActivityStub(DeployActivities.class, ActivityTesting.OPTIONS);
      var notify = env.newActivityStub(NotifyActivities.class, ActivityTesting.OPTIONS);

      Path csv = TestData.linearCsv(home.resolve("data/load.csv"), 1000, 5, 0);
      PipelineSpec spec =
          TestData.spec(
              TestData.data(csv),
              TestData.training("linear", Map.of()),
              new ValidationSpec(Map.of("r2", new MetricBound(0.9, null)), 0.05, null, null, null));

      TrainedModel trained =
          train.train(
              new TrainRequest(spec.model(), "run-1", spec.task(), spec.data(), spec.training()));
      ModelVersion candidate =
          registry.registerCandidate(
              new RegisterRequest(
                  spec.model(),
                  "run-1",
                  trained.artifactUri(),
                  trained.modelDigest(),
                  trained.metrics()));
      ModelVersion baseline = registry.currentProduction(spec.model());
      assertThat(baseline).isNull();
      ValidationVerdict verdict =
          validate.validate(new ValidationRequest(spec, "run-1", candidate, trained, baseline));
      assertThat(verdict.passed()).as(verdict.checks().toString()).isTrue();
      registry.promote(new PromoteRequest(spec.model(), candidate.version(), "run-1", "alice"));
      Deployment deployment =
          deploy.deploy(new DeployRequest(candidate, spec.deploy(), spec.data(), "run-1"));
      assertThat(deploy.smokeTest(deployment).passed()).isTrue();
      notify.publish(
          new RunFinished(
              new EventHeader(spec.model(), "run-1", "pipeline/demo-model/run-1", "deployed"),
              Outcome.DEPLOYED,
              "manual",
              candidate.version(),
              Map.of(),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              List.of()));

      assertThat(registry.currentProduction(spec.model())).isEqualTo(candidate);
      assertThat(home.resolve("registry/registry.mv.db")).exists();
      assertThat(home.resolve("serving/demo-model/current.json")).exists();
      assertThat(home.resolve("artifacts/reports/demo-model/v1/validation.json")).exists();
      assertThat(Files.readAllLines(home.resolve("events.jsonl"))).hasSize(1);
      // issue 21: what the home holds is its owner's only
      assertThat(mode(home)).isEqualTo("rwx------");
      assertThat(mode(home.resolve("registry"))).isEqualTo("rwx------");
      for (String file :
          List.of("registry/registry.mv.db", "events.jsonl", "serving/demo-model/current.json")) {
        assertThat(mode(home.resolve(file))).as(file).isEqualTo("rw-------");
      }
    } finally {
      env.close();
    }
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
