package dev.tollgate.activities.stats;

import static dev.tollgate.activities.stats.StatsFixtures.assertProbability;
import static dev.tollgate.activities.stats.StatsFixtures.doubles;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** {@code ks_2samp}, {@code kstwo.sf} and {@code special.smirnov} against SciPy. */
class KolmogorovSmirnovFixtureTest {

  @TestFactory
  Stream<DynamicTest> twoSampleMatchesScipy() {
    return StatsFixtures.each(
        "ks_2samp",
        c -> {
          KsResult r =
              KolmogorovSmirnov.twoSample(doubles(c.get("reference")), doubles(c.get("current")));
          // The statistic is a difference of two count/n quotients, computed as numpy does.
          assertThat(r.statistic()).as("statistic").isEqualTo(c.get("statistic").asDouble());
          assertProbability("p-value", r.pValue(), c.get("pvalue").asDouble());
          assertThat(r.sign()).as("sign").isEqualTo(c.get("sign").asInt());
          assertThat(r.method().name().toLowerCase().substring(0, 5))
              .isEqualTo(c.get("method").asText().substring(0, 5));
        });
  }

  @TestFactory
  Stream<DynamicTest> survivalOfTheOneSampleStatisticMatchesKstwo() {
    return StatsFixtures.each(
        "kstwo_sf",
        c ->
            assertProbability(
                "kstwo.sf(" + c.get("x") + ", " + c.get("n") + ") via " + c.get("region"),
                KolmogorovDistribution.survival(c.get("x").asDouble(), c.get("n").asInt()),
                c.get("sf").asDouble()));
  }

  @TestFactory
  Stream<DynamicTest> oneSidedTailMatchesSmirnov() {
    return StatsFixtures.each(
        "smirnov_sf",
        c ->
            assertProbability(
                "smirnov(" + c.get("n") + ", " + c.get("x") + ")",
                SmirnovDistribution.survival(c.get("n").asInt(), c.get("x").asDouble()),
                c.get("sf").asDouble()));
  }
}
