package dev.tollgate.activities.serving;

import dev.tollgate.activities.artifacts.ModelMetadata;
import dev.tollgate.activities.models.Predictor;

/** One loaded version: what answers requests for it, and since when it serves. */
public record ServedModel(
    String model,
    int version,
    String modelDigest,
    String since,
    String deployedBy,
    Predictor predictor,
    ModelMetadata metadata) {}
