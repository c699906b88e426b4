package dev.tollgate.activities.serving;

import dev.tollgate.activities.artifacts.ModelMetadata;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.models.Predictions;
import dev.tollgate.activities.models.XgboostModel;
import java.util.ArrayList;
import java.util.List;

/** Loads a served version from the artifact store, and turns its predictions into an answer. */
final class ServedModelLoader {
  private final ModelStore models;

  ServedModelLoader(ModelStore models) {
    this.models = models;
  }

  /** The version at {@code uri}, its digest checked; throws when it cannot be read or loaded. */
  ServedModel load(
      String model, int version, String uri, String digest, String since, ServedBy by) {
    ModelStore.Loaded loaded = models.load(uri, digest, null);
    // A booster of serving's own (every load reads a new one): one thread per request.
    var predictor = loaded.model() instanceof XgboostModel x ? x.singleThreaded() : loaded.model();
    return new ServedModel(
        model, version, digest, since, by, new RetiringPredictor(predictor), loaded.metadata());
  }

  static ServingAnswer answer(ServedModel served, boolean canary, Predictions p) {
    ModelMetadata m = served.metadata();
    List<Object> predictions = new ArrayList<>(p.size());
    List<Double> scores = p.probabilities() == null ? null : new ArrayList<>(p.size());
    for (int i = 0; i < p.size(); i++) {
      double v = p.values()[i];
      if (m.classes() != null) {
        predictions.add(m.classes().get((int) v));
        scores.add(p.probabilities()[i][(int) v]);
      } else if ("anomaly".equalsIgnoreCase(m.task())) {
        predictions.add((int) v);
        if (scores != null) scores.add(p.probabilities()[i][1]);
      } else {
        predictions.add(v);
      }
    }
    return new ServingAnswer(served.model(), served.version(), canary, predictions, scores);
  }
}
