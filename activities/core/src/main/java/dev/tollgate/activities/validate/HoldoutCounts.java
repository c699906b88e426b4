package dev.tollgate.activities.validate;

import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.HoldoutSplit;
import dev.tollgate.spec.TrainingSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the metrics were scored on, in validation.json: a reader judging an AUC needs to know it
 * came from 114 rows of which 42 were positives.
 *
 * @param rows holdout rows
 * @param trainRows rows the candidate was trained on
 * @param split "time" (the latest rows), "stratified" (each class kept its share) or "random"
 * @param classes holdout rows per class label, in class order; {@code null} unless classification
 */
public record HoldoutCounts(int rows, int trainRows, String split, Map<String, Integer> classes) {

  static HoldoutCounts of(Dataset data, HoldoutSplit split, TrainingSpec training) {
    HoldoutSplit.Kind kind =
        HoldoutSplit.kind(data.timestamps() != null, data.isClassification(), training);
    Map<String, Integer> classes = null;
    if (data.isClassification()) {
      classes = new LinkedHashMap<>();
      for (String label : data.classes()) classes.put(label, 0);
      for (int row : split.holdout())
        classes.merge(data.classes().get((int) data.y()[row]), 1, Integer::sum);
    }
    return new HoldoutCounts(
        split.holdout().length,
        split.train().length,
        kind.name().toLowerCase(java.util.Locale.ROOT),
        classes);
  }
}
