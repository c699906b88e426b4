package dev.tollgate.activities.stats;

import static dev.tollgate.activities.stats.StatsFixtures.assertClose;
import static dev.tollgate.activities.stats.StatsFixtures.doubles;
import static dev.tollgate.activities.stats.StatsFixtures.longs;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** PSI against the numpy reference implementation in the fixture script. */
class PsiFixtureTest {

  @TestFactory
  Stream<DynamicTest> numericPsiMatchesTheReference() {
    return StatsFixtures.each(
        "psi",
        c -> {
          double[] reference = doubles(c.get("reference"));
          double[] current = doubles(c.get("current"));
          int bins = c.get("bins").asInt();
          PsiResult r = Psi.numeric(reference, current, bins);
          // Edges are order statistics and shares are counts over n: exact, not approximate.
          assertThat(r.edges()).as("edges").containsExactly(doubles(c.get("edges")));
          assertThat(r.referenceShares()).containsExactly(doubles(c.get("reference_shares")));
          assertThat(r.currentShares()).containsExactly(doubles(c.get("current_shares")));
          assertClose("psi", r.psi(), c.get("psi").asDouble());
          // The sort-based path for stored references agrees.
          double[] edges = Psi.edges(reference, bins);
          assertThat(edges).containsExactly(r.edges());
          assertThat(Psi.shares(edges, current)).containsExactly(r.currentShares());
          assertThat(DriftStatistics.of(reference, current, bins).psi().psi()).isEqualTo(r.psi());
        });
  }

  @TestFactory
  Stream<DynamicTest> categoricalPsiMatchesTheReference() {
    return StatsFixtures.each(
        "psi_categorical",
        c ->
            assertClose(
                "psi",
                Psi.categorical(longs(c.get("reference_counts")), longs(c.get("current_counts"))),
                c.get("psi").asDouble()));
  }
}
