package dev.tollgate.activities.validate;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.artifacts.ModelMetadata;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.DatasetLoader;
import dev.tollgate.activities.data.HoldoutSplit;
import dev.tollgate.activities.models.Predictions;
import dev.tollgate.activities.models.UnusablePredictions;
import dev.tollgate.activities.scores.Scores;
import dev.tollgate.activities.tracking.RunTracker;
import dev.tollgate.activities.tracking.TrackingSession;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.ValidationSpec;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.IdenticalModel;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.ValidateActivities;
import dev.tollgate.stages.ValidationRequest;
import dev.tollgate.stages.ValidationVerdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the holdout training used (same file, checked by digest; encoded with the candidate's
 * recorded schema; the same split: by time with {@code data.timestamp}, else the same seed and
 * share), scores the candidate on it, runs every check the spec enables and writes the report. The
 * verdict passes when no check fails; skipped checks say why and do not block.
 */
public final class ValidateActivitiesImpl implements ValidateActivities {
  private static final Logger log = LoggerFactory.getLogger(ValidateActivitiesImpl.class);

  private final DatasetLoader loader;
  private final ModelStore models;
  private final ArtifactStore reports;
  private final ValidationTracking tracking;

  public ValidateActivitiesImpl(DatasetLoader loader, ModelStore models, ArtifactStore reports) {
    this(loader, models, reports, null);
  }

  /**
   * @param tracker logs each run to the MLflow server of its spec's {@code tracking.mlflow}; {@code
   *     null}: such sections are ignored
   */
  public ValidateActivitiesImpl(
      DatasetLoader loader, ModelStore models, ArtifactStore reports, RunTracker tracker) {
    this.loader = loader;
    this.models = models;
    this.reports = reports;
    this.tracking = new ValidationTracking(tracker);
  }

  @Override
  public ValidationVerdict validate(ValidationRequest request) {
    PipelineSpec spec = request.spec();
    ModelVersion candidate = request.candidate();
    tracking.checkAllowed(request);
    ModelStore.Loaded model =
        models.load(candidate.artifactUri(), candidate.modelDigest(), spec.data());
    // A loaded model may hold a native session (ONNX): released once validated, whatever happens.
    try (var loaded = model.model()) {
      return validate(request, model);
    }
  }

  private ValidationVerdict validate(ValidationRequest request, ModelStore.Loaded model) {
    PipelineSpec spec = request.spec();
    ModelVersion candidate = request.candidate();
    // Encoded with the candidate's recorded schema, fitted on its training rows: the very inputs
    // training scored, so the same split gives the same holdout and the same metrics.
    Dataset data = read(spec, model.metadata());
    if (!data.sha256().equals(request.trained().dataDigest())) {
      throw Failures.artifactMismatch(
          data.source()
              + " changed since training: SHA-256 "
              + data.sha256()
              + ", the model was trained on "
              + request.trained().dataDigest());
    }
    HoldoutSplit split = HoldoutSplit.of(data, spec.training());
    double[] truth = data.target(split.holdout());
    Predictions predictions;
    try {
      predictions = model.model().predict(data, split.holdout());
    } catch (UnusablePredictions e) {
      // The model, not the moment: a retry scores the same rows the same way.
      throw Failures.artifactMismatch(
          "model " + request.candidate().artifactUri() + " cannot be measured: " + e.getMessage());
    }
    Holdout holdout =
        new Holdout(
            spec.task(),
            data,
            split,
            truth,
            predictions.values(),
            Scores.of(spec.task(), data, split.holdout(), predictions));

    TrackingSession tracked = tracking.open(request, holdout.metrics());
    ModelVersion baseline = request.baseline();
    // The Production model is read only when a check compares with it; a missing or altered
    // Production artifact is then unusable input, not a skipped check. Its columns are compared
    // by the baseline check, which skips a model trained on other ones.
    ValidationSpec v = spec.validation();
    boolean compares = v.baselineTolerance() != null || v.drift() != null;
    ModelStore.Loaded base =
        baseline == null || !compares
            ? null
            : models.load(baseline.artifactUri(), baseline.modelDigest(), null);
    // The same file encoded as the Production model reads it: its own categories and fill values.
    Dataset baseData = null;
    Map<String, Double> scored = new TreeMap<>();
    List<CheckResult> checks;
    try {
      if (base != null
          && v.baselineTolerance() != null
          && BaselineCheck.canScore(spec.data(), base.metadata())) {
        boolean sameSchema =
            base.metadata().schemaOrNumeric().equals(model.metadata().schemaOrNumeric());
        baseData = sameSchema ? data : read(spec, base.metadata());
      }
      checks = checks(v, holdout, baseline, base, baseData, scored);
    } finally {
      if (base != null) base.model().close(); // only the checks score the baseline
    }
    Map<String, Double> baselineMetrics = scored.isEmpty() ? null : scored;
    DriftCheck.Result drift =
        v.drift() == null
            ? null
            : DriftCheck.run(
                v.drift(),
                holdout,
                base == null ? null : models.reference(baseline.artifactUri()),
                baseline == null ? null : baseline.label());
    if (drift != null) checks.add(drift.check());
    checks.addAll(
        ReportedVsMeasuredCheck.run(
            v.reportedToleranceOrDefault(), model.metadata().reportedMetrics(), holdout.metrics()));
    if (v.quality() != null) checks.addAll(QualityChecks.run(v.quality(), spec.data(), data));
    if (spec.data().maxAge() != null) {
      Instant modified =
          data.timestamps() == null ? loader.lastModified(spec.data().train()) : null;
      checks.add(FreshnessCheck.run(spec.data().maxAge(), data, modified, Instant.now()));
    }
    CheckResult unseen =
        UnseenCategoriesCheck.run(data, baseData, baseline == null ? null : baseline.label());
    if (unseen != null) checks.add(unseen);
    CheckResult identical = IdenticalModel.check(candidate, baseline);
    if (identical != null) checks.add(identical);
    checks.addAll(tracking.checks(request, tracked, holdout.metrics()));

    boolean passed = checks.stream().noneMatch(c -> c.status() == CheckResult.Status.FAIL);
    var report =
        new ValidationReport(
            candidate.model(),
            candidate.version(),
            request.runId(),
            passed,
            checks,
            holdout.metrics(),
            baseline == null ? null : baseline.version(),
            baselineMetrics,
            Instant.now().toString(),
            drift == null ? null : drift.details(),
            request.trigger(),
            request.evidence(),
            HoldoutCounts.of(data, split, spec.training()),
            request.commit());
    ValidationReport.Written written = report.writeTo(reports);
    var html = ValidationHtml.write(reports, report, holdout, baselineMetrics, written.uri());
    checks =
        tracking.finish(
            tracked,
            checks,
            passed,
            Map.of("validation.json", written.bytes(), "validation.html", html.bytes()),
            models,
            candidate.artifactUri());
    log.info(
        "validated model={} version={} run={} passed={} failures={}",
        candidate.model(),
        candidate.version(),
        request.runId(),
        passed,
        checks.stream()
            .filter(c -> c.status() == CheckResult.Status.FAIL)
            .map(CheckResult::name)
            .toList());
    return new ValidationVerdict(
        passed,
        checks,
        written.uri(),
        written.digest(),
        html.uri(),
        html.digest(),
        baselineMetrics);
  }

  /** The spec's data encoded with {@code model}'s recorded schema (older models: all numeric). */
  private Dataset read(PipelineSpec spec, ModelMetadata model) {
    return loader.loadWithSchema(spec.data(), spec.task(), model.schemaOrNumeric());
  }

  private static List<CheckResult> checks(
      ValidationSpec v,
      Holdout holdout,
      ModelVersion baseline,
      ModelStore.Loaded base,
      Dataset baseData,
      Map<String, Double> scored) {
    List<CheckResult> checks =
        new ArrayList<>(ThresholdChecks.run(v.thresholds(), holdout.metrics()));
    if (v.baselineTolerance() != null) {
      if (baseline == null) {
        checks.add(
            Checks.skipped(
                "baseline",
                "≤ " + v.baselineTolerance() + " worse than Production",
                "no Production model to compare with"));
      } else {
        checks.addAll(
            BaselineCheck.run(v.baselineTolerance(), holdout, baseline, base, baseData, scored));
      }
    }
    if (v.stabilityMaxCv() != null) {
      checks.add(StabilityCheck.run(v.stabilityMaxCv(), holdout.predicted()));
    }
    if (v.range() != null) {
      double[] trainTarget = holdout.data().target(holdout.split().train());
      checks.add(RangeCheck.run(v.range(), trainTarget, holdout.predicted()));
    }
    return checks;
  }
}
