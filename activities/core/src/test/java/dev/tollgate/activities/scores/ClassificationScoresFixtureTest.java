package dev.tollgate.activities.scores;

import static dev.tollgate.activities.stats.StatsFixtures.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.activities.models.Predictions;
import dev.tollgate.activities.stats.StatsFixtures;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The classification metrics against scikit-learn on the committed fixtures (accuracy_score,
 * precision/recall/f1 with zero_division=0 — binary for two classes, macro beyond —, roc_auc_score
 * binary or one-vs-rest macro, log_loss), within 1e-6. Regenerate with
 * activities/core/src/test/python/make_stats_fixtures.py (docs/testing.md).
 */
class ClassificationScoresFixtureTest {

  @TestFactory
  Stream<DynamicTest> matchesScikitLearn() {
    return StatsFixtures.each("classification", this::check);
  }

  private void check(JsonNode c) {
    int[] truth = StatsFixtures.ints(c.get("y_true"));
    int[] predicted = StatsFixtures.ints(c.get("y_pred"));
    JsonNode proba = c.get("proba");
    double[][] probabilities = new double[proba.size()][];
    double[] values = new double[predicted.length];
    for (int i = 0; i < probabilities.length; i++) {
      probabilities[i] = StatsFixtures.doubles(proba.get(i));
      values[i] = predicted[i];
    }
    int classes = c.get("labels").size();
    Map<String, Double> m =
        ClassificationScores.of(truth, new Predictions(values, probabilities), classes);
    String name = c.get("name").asText();
    assertClose(name + " accuracy", m.get("accuracy"), c.get("accuracy").asDouble());
    assertClose(name + " log_loss", m.get("log_loss"), c.get("log_loss").asDouble());
    String average = classes == 2 ? "_binary" : "_macro";
    for (String metric : new String[] {"precision", "recall", "f1"}) {
      assertClose(name + " " + metric, m.get(metric), c.get(metric + average).asDouble());
    }
    String auc = classes == 2 ? "roc_auc" : "roc_auc_ovr_macro";
    assertClose(name + " auc", m.get("auc"), c.get(auc).asDouble());
  }
}
