package dev.tollgate.activities.serving;

import java.util.List;

/**
 * A served model's answer, tagged with the version that gave it (a canary split answers from two).
 *
 * @param predictions regression: numbers; classification: class labels; anomaly: 1 (anomaly) or 0
 * @param scores classification: the probability of the predicted class; anomaly: the anomaly score
 *     in [0, 1]; regression: {@code null}
 */
public record ServingAnswer(
    String model, int version, boolean canary, List<Object> predictions, List<Double> scores) {}
