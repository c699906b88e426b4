package dev.tollgate.stages;

import dev.tollgate.spec.PipelineSpec;

/**
 * What to validate.
 *
 * @param candidate the freshly trained model, registered
 * @param baseline the current Production model, or {@code null} when there is none
 */
public record ValidationRequest(
    PipelineSpec spec,
    String runId,
    ModelVersion candidate,
    TrainedModel trained,
    ModelVersion baseline) {}
