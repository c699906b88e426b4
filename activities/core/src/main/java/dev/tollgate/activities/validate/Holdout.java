package dev.tollgate.activities.validate;

import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.HoldoutSplit;
import dev.tollgate.spec.Task;
import java.util.Map;

/**
 * What every check looks at: the dataset, its train/holdout split (the same one training used) and
 * the candidate's predictions and metrics on the holdout.
 *
 * @param truth the target on the holdout rows
 * @param predicted the candidate's predictions for the same rows (values, class indices or anomaly
 *     flags)
 */
record Holdout(
    Task task,
    Dataset data,
    HoldoutSplit split,
    double[] truth,
    double[] predicted,
    Map<String, Double> metrics) {}
