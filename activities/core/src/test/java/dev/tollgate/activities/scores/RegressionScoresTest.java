package dev.tollgate.activities.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RegressionScoresTest {

  @Test
  void computesTheFourMetricsByHand() {
    Map<String, Double> m =
        RegressionScores.of(new double[] {1, 2, 3, 4}, new double[] {1, 3, 3, 2});
    // errors 0, -1, 0, 2
    assertThat(m.get("mae")).isCloseTo(0.75, within(1e-12));
    assertThat(m.get("rmse")).isCloseTo(Math.sqrt(5.0 / 4), within(1e-12));
    assertThat(m.get("r2")).isCloseTo(1 - 5.0 / 5.0, within(1e-12)); // total sum of squares is 5
    assertThat(m.get("mape")).isCloseTo((0 + 0.5 + 0 + 0.5) / 4, within(1e-12));
  }

  @Test
  void undefinedMetricsAreLeftOutNotNaN() {
    Map<String, Double> m = RegressionScores.of(new double[] {0, 0}, new double[] {1, -1});
    assertThat(m).containsOnlyKeys("mae", "rmse");
  }
}
