package dev.tollgate.stages;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tollgate.spec.PipelineSpec;

/**
 * What to validate.
 *
 * @param candidate the freshly trained model, registered
 * @param baseline the current Production model, or {@code null} when there is none
 * @param trigger what started the run, for the report ("drift by guardian: ..."); {@code null} in
 *     older payloads
 * @param evidence the guardian's data check behind a drift or volume trigger, else {@code null}
 * @param commit the commit the run was started from, for validation.json; else {@code null}
 */
public record ValidationRequest(
    PipelineSpec spec,
    String runId,
    ModelVersion candidate,
    TrainedModel trained,
    ModelVersion baseline,
    String trigger,
    DataInspection evidence,
    @JsonInclude(JsonInclude.Include.NON_NULL) CommitLineage commit) {

  /** A run without a commit. */
  public ValidationRequest(
      PipelineSpec spec,
      String runId,
      ModelVersion candidate,
      TrainedModel trained,
      ModelVersion baseline,
      String trigger,
      DataInspection evidence) {
    this(spec, runId, candidate, trained, baseline, trigger, evidence, null);
  }

  /** A run without trigger details (tests, older callers). */
  public ValidationRequest(
      PipelineSpec spec,
      String runId,
      ModelVersion candidate,
      TrainedModel trained,
      ModelVersion baseline) {
    this(spec, runId, candidate, trained, baseline, null, null);
  }
}
