package dev.tollgate.stages;

import dev.tollgate.spec.PipelineSpec;

/**
 * What to validate.
 *
 * @param candidate the freshly trained model, registered
 * @param baseline the current Production model, or {@code null} when there is none
 * @param trigger what started the run, for the report ("drift by guardian: ..."); {@code null} in
 *     older payloads
 * @param evidence the guardian's data check behind a drift or volume trigger, else {@code null}
 */
public record ValidationRequest(
    PipelineSpec spec,
    String runId,
    ModelVersion candidate,
    TrainedModel trained,
    ModelVersion baseline,
    String trigger,
    DataInspection evidence) {

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
