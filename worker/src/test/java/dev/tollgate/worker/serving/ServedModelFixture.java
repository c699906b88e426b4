package dev.tollgate.worker.serving;

import dev.tollgate.activities.wiring.StageActivities;
import dev.tollgate.spec.DeploySpec;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.stages.DeployRequest;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.SmokeTestResult;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.TrainedModel;
import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;

/**
 * One linear model of y = 3·x1 − 2·x2, trained and deployed to local serving by the app's stages.
 */
final class ServedModelFixture {
  private ServedModelFixture() {}

  /**
   * Trains {@code model} on a CSV written into {@code data} and deploys it (smoke test included).
   */
  static Deployment trainAndDeploy(StageActivities stages, Path data, String model)
      throws IOException {
    StringBuilder rows = new StringBuilder("x1,x2,y\n");
    Random random = new Random(4);
    for (int i = 0; i < 300; i++) {
      double x1 = 10 * random.nextDouble();
      double x2 = 10 * random.nextDouble();
      rows.append(
          String.format(
              Locale.ROOT, "%.4f,%.4f,%.4f%n", x1, x2, 3 * x1 - 2 * x2 + random.nextGaussian()));
    }
    Files.writeString(data.resolve("data.csv"), rows);
    var spec =
        SpecParser.parse(
            """
            model: %s
            data: { train: file:data.csv, target: y, features: [x1, x2] }
            training: { algorithm: linear }
            approval: { approvers: [alice] }
            """
                .formatted(model),
            model + ".yaml",
            data);
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    TrainedModel trained;
    try {
      env.registerActivitiesImplementations(stages.train());
      trained =
          env.newActivityStub(
                  TrainActivities.class,
                  ActivityOptions.newBuilder()
                      .setStartToCloseTimeout(Duration.ofMinutes(2))
                      .build())
              .train(new TrainRequest(model, "r1", spec.task(), spec.data(), spec.training()));
    } finally {
      env.close();
    }
    ModelVersion v1 =
        new ModelVersion(
            model, 1, "r1", trained.artifactUri(), trained.modelDigest(), trained.metrics());
    Deployment deployment =
        stages
            .deploy()
            .deploy(
                new DeployRequest(
                    v1,
                    new DeploySpec(DeploySpec.Target.LOCAL, true, null),
                    spec.data(),
                    "deploy-1"));
    SmokeTestResult smoke = stages.deploy().smokeTest(deployment);
    if (!smoke.passed()) throw new AssertionError("the smoke test failed: " + smoke);
    return deployment;
  }
}
