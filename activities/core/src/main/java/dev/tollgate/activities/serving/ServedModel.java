package dev.tollgate.activities.serving;

import dev.tollgate.activities.artifacts.ModelMetadata;
import dev.tollgate.activities.models.Predictor;

/** One loaded version: what answers requests for it, since when it serves and who put it there. */
public record ServedModel(
    String model,
    int version,
    String modelDigest,
    String since,
    ServedBy servedBy,
    Predictor predictor,
    ModelMetadata metadata) {

  /** The same loaded model under a pointer written since (a new time, run or approvers). */
  ServedModel as(String since, ServedBy servedBy) {
    return new ServedModel(model, version, modelDigest, since, servedBy, predictor, metadata);
  }
}
