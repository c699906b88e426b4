package dev.tollgate.adapters.mlflow;

import dev.tollgate.activities.outbound.OutboundHttp;
import dev.tollgate.activities.outbound.OutboundPolicy;
import dev.tollgate.activities.outbound.OutboundRefused;
import dev.tollgate.activities.tracking.RunTracker;
import dev.tollgate.spec.TrackingSpec;
import dev.tollgate.stages.ValidationRequest;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The MLflow bridge as the activities use it. The validate activity {@link #open opens} a run's
 * tracking (params, holdout metrics, tags; the champion's metrics when the spec gates on them) and
 * {@link Session#finish finishes} it with the reports and model files and a model version; the
 * registry activities {@link #moveChampion move the champion alias} on promotion and rollback.
 * Nothing here throws but a refusal: a failed call is a warning ({@link TrackingFailures}), never a
 * failed run; a URI the worker's allow-list does not open ({@link OutboundHttp}) is refused before
 * any call, with a non-retryable failure naming {@value MlflowClient#KEY} and the host.
 */
public final class MlflowTracker implements RunTracker {
  /** MLflow's alias for the version in Production (Tollgate's alias of the same name). */
  public static final String CHAMPION = "champion";

  private final TrackingFailures failures;
  private final Supplier<OutboundHttp> http;
  private final Duration timeout;
  private final Duration aliasTimeout;

  /** Tools and tests: the default allow-list ({@code *}, public hosts), built on first use. */
  private static final class Shared {
    static final OutboundHttp HTTP = new OutboundHttp(OutboundPolicy.defaults());
  }

  /** The default allow-list: MLflow on a public address only. */
  public MlflowTracker(TrackingFailures failures) {
    this(failures, () -> Shared.HTTP, Duration.ofSeconds(60), Duration.ofSeconds(5));
  }

  /**
   * Answers are awaited 60 s in validation (a model upload may take a while; the stage has 20 min)
   * and 5 s when moving the alias (the registry stage has 30 s an attempt, and a slow MLflow must
   * not time out a promotion).
   *
   * @param http the worker's client for URLs from a spec
   */
  public MlflowTracker(TrackingFailures failures, OutboundHttp http) {
    this(failures, () -> http, Duration.ofSeconds(60), Duration.ofSeconds(5));
  }

  MlflowTracker(
      TrackingFailures failures, OutboundHttp http, Duration timeout, Duration aliasTimeout) {
    this(failures, () -> http, timeout, aliasTimeout);
  }

  private MlflowTracker(
      TrackingFailures failures,
      Supplier<OutboundHttp> http,
      Duration timeout,
      Duration aliasTimeout) {
    this.failures = failures;
    this.http = http;
    this.timeout = timeout;
    this.aliasTimeout = aliasTimeout;
  }

  /**
   * Fails for good when the worker does not let runs reach {@code m}'s server; a server that cannot
   * be resolved now passes (its calls then fail and warn, as an unreachable server's do).
   *
   * @throws io.temporal.failure.ApplicationFailure non-retryable, naming {@value MlflowClient#KEY}
   *     and the host
   */
  @Override
  public void checkAllowed(TrackingSpec.Mlflow m) {
    try {
      http.get().policy().check(MlflowClient.KEY, URI.create(m.uri()));
    } catch (OutboundRefused refused) {
      throw refused.toFailure();
    } catch (UnknownHostException | IllegalArgumentException unreachable) {
      // not refused: the calls will say what is wrong with it
    }
  }

  /**
   * The validated candidate's MLflow run, with the params, metrics and tags of {@link RunFacts}; a
   * fact that cannot be read must not stop validation, so then the metrics are logged alone.
   */
  @Override
  public Session open(
      TrackingSpec.Mlflow m, ValidationRequest request, Map<String, Double> metrics) {
    TrackedRun run;
    try {
      run = RunFacts.of(request, metrics);
    } catch (RuntimeException e) {
      run =
          new TrackedRun(
              request.spec().model(),
              request.candidate().version(),
              request.runId(),
              Map.of(),
              metrics,
              Map.of());
    }
    return open(m, run);
  }

  /** The run's MLflow run, found by its Tollgate run id or created, with params and metrics. */
  public Session open(TrackingSpec.Mlflow m, TrackedRun run) {
    checkAllowed(m);
    MlflowClient client = new MlflowClient(m.uri(), http.get(), timeout);
    MlflowRuns runs = new MlflowRuns(client);
    MlflowModels models = new MlflowModels(client);
    MlflowRuns.Run opened = null;
    String warning = null;
    try {
      opened =
          runs.findOrCreate(
              runs.experimentId(m.experiment()),
              run.model(),
              run.runId(),
              run.model() + " v" + run.version() + " (" + run.runId() + ")");
      runs.log(opened, run.params(), run.metrics(), run.tags());
    } catch (RuntimeException e) {
      warning = failures.record(run.model(), "log_run", m.uri(), e);
    }
    Session.Champion champion = null;
    String championWarning = null;
    if (m.champion() != null) {
      try {
        MlflowModels.Aliased aliased = models.alias(m.registeredModel(), CHAMPION);
        champion =
            aliased == null || aliased.runId() == null
                ? null
                : new Session.Champion(
                    aliased.version(), aliased.tollgateVersion(), runs.metrics(aliased.runId()));
      } catch (RuntimeException e) {
        championWarning = failures.record(run.model(), "read_champion", m.uri(), e);
      }
    }
    return new Session(m, run, runs, models, opened, warning, champion, championWarning, failures);
  }

  /**
   * Points MLflow's {@code champion} alias at the model version mirroring Tollgate's {@code
   * version}. Setting an alias twice is harmless, so a retried promotion or rollback is too.
   *
   * @return {@code null} when moved, else the warning
   */
  @Override
  public String moveChampion(TrackingSpec.Mlflow m, String model, int version) {
    try {
      MlflowModels models = new MlflowModels(new MlflowClient(m.uri(), http.get(), aliasTimeout));
      String mlflowVersion = models.versionOf(m.registeredModel(), version);
      if (mlflowVersion == null) {
        throw new MlflowException(
            0,
            null,
            m.registeredModel()
                + " has no MLflow model version tagged "
                + MlflowModels.VERSION_TAG
                + "="
                + version
                + " (its validation was not logged to MLflow)");
      }
      models.setAlias(m.registeredModel(), CHAMPION, mlflowVersion);
      return null;
    } catch (RuntimeException e) {
      return failures.record(model, "move_champion", m.uri(), e);
    }
  }

  /**
   * Tags that say where a Tollgate run came from; {@code mlflow.source.name} shows in MLflow's UI.
   */
  public static Map<String, String> sourceTags(String model, int version) {
    return Map.of(
        "mlflow.source.name",
        "tollgate",
        "mlflow.source.type",
        "JOB",
        MlflowRuns.MODEL_TAG,
        model,
        MlflowModels.VERSION_TAG,
        Integer.toString(version));
  }
}
