package dev.tollgate.activities.scores;

import static dev.tollgate.activities.stats.StatsFixtures.assertClose;
import static dev.tollgate.activities.stats.StatsFixtures.doubles;

import dev.tollgate.activities.stats.StatsFixtures;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link RegressionScores} against scikit-learn (fixture section {@code regression}). On the case
 * with zero truths, scikit-learn's mape divides by {@code max(|y|, eps)} and explodes; Tollgate's
 * convention leaves those rows out, which the fixture records as {@code mape_nonzero_rows}.
 */
class RegressionScoresFixtureTest {

  @TestFactory
  Stream<DynamicTest> metricsMatchScikitLearn() {
    return StatsFixtures.each(
        "regression",
        c -> {
          Map<String, Double> m =
              RegressionScores.of(doubles(c.get("y_true")), doubles(c.get("y_pred")));
          assertClose("mae", m.get("mae"), c.get("mae").asDouble());
          assertClose("rmse", m.get("rmse"), c.get("rmse").asDouble());
          assertClose("r2", m.get("r2"), c.get("r2").asDouble());
          String mape = c.has("mape") ? "mape" : "mape_nonzero_rows";
          assertClose(mape, m.get("mape"), c.get(mape).asDouble());
        });
  }
}
