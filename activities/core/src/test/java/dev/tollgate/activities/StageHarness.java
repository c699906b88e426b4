package dev.tollgate.activities;

import dev.tollgate.activities.artifacts.LocalArtifactStore;
import dev.tollgate.activities.data.DatasetFiles;
import dev.tollgate.activities.db.RegistryDatabase;
import dev.tollgate.activities.registry.JdbcRegistry;
import dev.tollgate.activities.wiring.StageActivities;
import dev.tollgate.guardian.GuardianActivities;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.DeployActivities;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.PromoteRequest;
import dev.tollgate.stages.RegisterRequest;
import dev.tollgate.stages.RegistryActivities;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.TrainedModel;
import dev.tollgate.stages.ValidateActivities;
import dev.tollgate.stages.ValidationRequest;
import dev.tollgate.stages.ValidationVerdict;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Path;

/**
 * Every stage over one home folder, called through Temporal's activity test environment as the
 * workflow calls them, with the steps the stage tests share: train a numbered version, validate a
 * candidate against a baseline, find a check in a verdict.
 */
public final class StageHarness implements AutoCloseable {
  /** A trained model and the registry entry a run would make of it. */
  public record Trained(TrainedModel trained, ModelVersion version) {}

  private final TestActivityEnvironment env;

  /**
   * Closed with the harness: an H2 database left open while JUnit deletes the home wrote its error
   * trace into a fresh {@code registry/registry.trace.db}, and the temporary folder could not be
   * deleted (a CategoricalPipelineTest failure in a full run).
   */
  private final RegistryDatabase database;

  private final TrainActivities train;
  private final ValidateActivities validate;
  private final DeployActivities deploy;
  private final RegistryActivities registry;
  private final GuardianActivities guardian;

  public StageHarness(Path home) {
    Path root = home.toAbsolutePath().normalize();
    database = RegistryDatabase.openH2(root, null, null);
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        StageActivities.create(
                root,
                new LocalArtifactStore(root.resolve("artifacts")),
                DatasetFiles.localOnly(),
                new JdbcRegistry(database))
            .all());
    train = env.newActivityStub(TrainActivities.class, ActivityTesting.OPTIONS);
    validate = env.newActivityStub(ValidateActivities.class, ActivityTesting.OPTIONS);
    deploy = env.newActivityStub(DeployActivities.class, ActivityTesting.OPTIONS);
    registry = env.newActivityStub(RegistryActivities.class, ActivityTesting.OPTIONS);
    guardian = env.newActivityStub(GuardianActivities.class, ActivityTesting.OPTIONS);
  }

  public GuardianActivities guardian() {
    return guardian;
  }

  /** Trains {@code spec}, registers the model and promotes it: the model's Production version. */
  public ModelVersion deployed(PipelineSpec spec, String runId) {
    TrainedModel t =
        train.train(
            new TrainRequest(spec.model(), runId, spec.task(), spec.data(), spec.training()));
    ModelVersion v =
        registry.registerCandidate(
            new RegisterRequest(
                spec.model(), runId, t.artifactUri(), t.modelDigest(), t.metrics()));
    registry.promote(new PromoteRequest(spec.model(), v.version(), runId, "test"));
    return v;
  }

  public RegistryActivities registry() {
    return registry;
  }

  public TrainActivities train() {
    return train;
  }

  public ValidateActivities validate() {
    return validate;
  }

  public DeployActivities deploy() {
    return deploy;
  }

  /**
   * Trains {@code spec} as run {@code run-<version>} and names the result version {@code version}.
   */
  public Trained train(PipelineSpec spec, int version) {
    String run = "run-" + version;
    TrainedModel t =
        train.train(new TrainRequest(spec.model(), run, spec.task(), spec.data(), spec.training()));
    return new Trained(
        t,
        new ModelVersion(
            spec.model(), version, run, t.artifactUri(), t.modelDigest(), t.metrics()));
  }

  /** Validates {@code candidate} against {@code baseline} (Production; {@code null}: none). */
  public ValidationVerdict validate(PipelineSpec spec, Trained candidate, Trained baseline) {
    return validate.validate(
        new ValidationRequest(
            spec,
            candidate.version().runId(),
            candidate.version(),
            candidate.trained(),
            baseline == null ? null : baseline.version()));
  }

  /** The verdict's check called {@code name}; a test fails naming every check when it is absent. */
  public static CheckResult check(ValidationVerdict verdict, String name) {
    return verdict.checks().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " in " + verdict.checks()));
  }

  @Override
  public void close() {
    env.close();
    database.close();
  }
}
