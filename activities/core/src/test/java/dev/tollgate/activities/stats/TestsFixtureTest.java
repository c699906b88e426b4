package dev.tollgate.activities.stats;

import static dev.tollgate.activities.stats.StatsFixtures.assertClose;
import static dev.tollgate.activities.stats.StatsFixtures.assertProbability;
import static dev.tollgate.activities.stats.StatsFixtures.doubles;
import static dev.tollgate.activities.stats.StatsFixtures.longs;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Chi-square, z-test, Bonferroni and the distribution tails against SciPy/numpy. */
class TestsFixtureTest {

  @TestFactory
  Stream<DynamicTest> chiSquareMatchesChi2Contingency() {
    return StatsFixtures.each(
        "chi2_contingency",
        c -> {
          ChiSquareResult r =
              ChiSquareHomogeneity.test(
                  longs(c.get("reference_counts")), longs(c.get("current_counts")));
          assertClose("statistic", r.statistic(), c.get("statistic").asDouble());
          assertThat(r.degreesOfFreedom()).isEqualTo(c.get("dof").asInt());
          assertProbability("p-value", r.pValue(), c.get("pvalue").asDouble());
        });
  }

  @TestFactory
  Stream<DynamicTest> zTestMatchesNumpy() {
    return StatsFixtures.each(
        "z_test",
        c -> {
          double[] reference = doubles(c.get("reference"));
          double[] current = doubles(c.get("current"));
          ZTestResult r = MeanZTest.test(reference, current);
          assertClose("statistic", r.statistic(), c.get("statistic").asDouble());
          assertProbability("p-value", r.pValue(), c.get("pvalue").asDouble());
          ZTestResult fused = DriftStatistics.of(reference, current, 10).zTest();
          assertClose("fused statistic", fused.statistic(), c.get("statistic").asDouble());
          assertProbability("fused p-value", fused.pValue(), c.get("pvalue").asDouble());
        });
  }

  @TestFactory
  Stream<DynamicTest> normalTailMatchesNormSf() {
    return StatsFixtures.each(
        "normal_tail",
        c ->
            assertProbability(
                "2·norm.sf(" + c.get("z") + ")",
                Distributions.normalTwoSided(c.get("z").asDouble()),
                c.get("two_sided").asDouble()));
  }

  @TestFactory
  Stream<DynamicTest> chiSquareTailMatchesChi2Sf() {
    return StatsFixtures.each(
        "chi2_tail",
        c ->
            assertProbability(
                "chi2.sf(" + c.get("x") + ", " + c.get("dof") + ")",
                Distributions.chiSquareSurvival(c.get("x").asDouble(), c.get("dof").asInt()),
                c.get("sf").asDouble()));
  }

  @TestFactory
  Stream<DynamicTest> bonferroniMatches() {
    return StatsFixtures.each(
        "bonferroni",
        c -> {
          double[] p = doubles(c.get("pvalues"));
          assertThat(Bonferroni.adjust(p)).containsExactly(doubles(c.get("adjusted")));
          boolean[] expected = new boolean[p.length];
          for (int i = 0; i < p.length; i++) {
            expected[i] = c.get("reject").get(i).asBoolean();
          }
          assertThat(Bonferroni.reject(p, c.get("alpha").asDouble())).containsExactly(expected);
        });
  }
}
