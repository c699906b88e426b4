package dev.tollgate.activities.validate;

import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.HoldoutSplit;
import java.util.Map;

/**
 * What every check looks at: the dataset, its train/holdout split (the same one training used) and
 * the candidate's predictions and metrics on the holdout.
 *
 * @param truth the target on the holdout rows
 * @param predicted the candidate's predictions for the same rows
 */
record Holdout(
    Dataset data,
    HoldoutSplit split,
    double[] truth,
    double[] predicted,
    Map<String, Double> metrics) {}
