package dev.tollgate.activities.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MetricBarsTest {
  /** Where the bars may reach: from the labels to the room left for the values. */
  private static final double SPAN = MetricBars.WIDTH - 170 - 110;

  private static List<Double> barWidths(String svg) {
    // the bars are 16 high; the legend's swatches are not
    return Pattern.compile("<rect x=\"[^\"]+\" y=\"[^\"]+\" width=\"([0-9.]+)\" height=\"16\"")
        .matcher(svg)
        .results()
        .map(m -> Double.parseDouble(m.group(1)))
        .toList();
  }

  @Test
  void withoutProductionASharesBarIsOnZeroToOneAndAnErrorOnARoundAxis() {
    String svg = MetricBars.svg(Map.of("r2", 0.5, "rmse", 3.2), null, null);
    // rows sorted by name: r2 then rmse
    assertThat(barWidths(svg)).containsExactly(SPAN * 0.5, SPAN * 3.2 / 5);
    assertThat(svg).contains(">2.5</text>").contains(">5</text>");
  }

  @Test
  void withProductionBothBarsShareTheRowsScale() {
    String svg = MetricBars.svg(Map.of("rmse", 3.0), Map.of("rmse", 4.0), "energy-load v2");
    assertThat(barWidths(svg)).containsExactly(SPAN * 0.75, SPAN);
  }

  @Test
  void roundUpFindsTheNextRoundNumber() {
    assertThat(MetricBars.roundUp(3.2)).isEqualTo(5);
    assertThat(MetricBars.roundUp(41.2)).isEqualTo(50);
    assertThat(MetricBars.roundUp(0.18)).isEqualTo(0.2);
    assertThat(MetricBars.roundUp(100)).isEqualTo(100);
    assertThat(MetricBars.roundUp(2.1)).isEqualTo(2.5);
  }
}
