package dev.tollgate.guardian;

import dev.tollgate.pipeline.Trigger;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.ScheduleSpec;
import dev.tollgate.spec.ValidationSpec;
import dev.tollgate.stages.DataInspection;
import java.util.List;
import java.util.Locale;

/**
 * The guardian's data check: what to ask the activity, and whether its answer asks for a run. A
 * drift share above {@code schedule.retrain_on_drift_share} is a drift trigger; otherwise a source
 * grown by {@code schedule.min_new_rows} since Production's training is a volume trigger.
 */
final class GuardianInspection {
  /** validation.drift's defaults, for a spec that checks drift only in its guardian. */
  static final ValidationSpec.DriftSpec DEFAULT_DRIFT =
      new ValidationSpec.DriftSpec("psi", 0.1, 0.5);

  private GuardianInspection() {}

  static String dataUri(PipelineSpec spec) {
    String drift = spec.schedule().driftData();
    return drift == null ? spec.data().train() : drift;
  }

  static InspectRequest request(PipelineSpec spec) {
    ValidationSpec.DriftSpec drift = spec.validation().drift();
    return new InspectRequest(
        spec.model(),
        spec.task(),
        spec.data().withTrain(dataUri(spec)),
        drift == null ? DEFAULT_DRIFT : drift);
  }

  /** Why {@code found} asks for a retrain, or {@code null} when it does not. */
  static String reason(DataInspection found, ScheduleSpec schedule) {
    if (found.skipped() != null) return null;
    double bound = schedule.driftShareOrDefault();
    if (found.driftShare() != null && found.driftShare() > bound) {
      List<String> drifted =
          found.features().stream()
              .filter(DataInspection.Feature::drifted)
              .map(DataInspection.Feature::name)
              .toList();
      return String.format(
          Locale.ROOT,
          "drift share %.2f > schedule.retrain_on_drift_share %.2f (%s drifted, vs v%d)",
          found.driftShare(),
          bound,
          String.join(", ", drifted),
          found.productionVersion());
    }
    Long gained = found.newRows();
    Integer min = schedule.minNewRows();
    if (min != null && gained != null && gained >= min) {
      return gained
          + " new rows since v"
          + found.productionVersion()
          + " was trained, schedule.min_new_rows is "
          + min;
    }
    return null;
  }

  /** The kind of trigger a {@link #reason} stands for. */
  static Trigger kind(DataInspection found, ScheduleSpec schedule) {
    return found.driftShare() != null && found.driftShare() > schedule.driftShareOrDefault()
        ? Trigger.DRIFT
        : Trigger.VOLUME;
  }
}
