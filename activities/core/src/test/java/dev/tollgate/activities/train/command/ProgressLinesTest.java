package dev.tollgate.activities.train.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {
  private final List<String> seen = new ArrayList<>();

  private ProgressLines lines(Pattern extra) {
    return new ProgressLines(
        extra,
        new RunListener() {
          @Override
          public void progress(double fraction, String text) {
            seen.add(fraction + "|" + text);
          }

          @Override
          public String stopReason() {
            return null;
          }
        });
  }

  @Test
  void readsOurLinesClampsAndIgnoresTheRest() {
    ProgressLines p = lines(null);
    for (String line :
        List.of(
            "tollgate:progress 0.42 epoch 3/7",
            "  tollgate:progress 1",
            "tollgate:progress -2 before start",
            "tollgate:progress nan",
            "tollgate:progress abc",
            "progress 0.5",
            "tollgate:progress 0.9 " + "x".repeat(500))) {
      p.accept(line);
    }
    assertThat(seen)
        .containsExactly(
            "0.42|epoch 3/7", "1.0|", "0.0|before start", "0.9|" + "x".repeat(200) + "…");
  }

  @Test
  void aSpecPatternGivesAFractionOrAPercentAndText() {
    lines(Pattern.compile("Epoch (?<text>\\d+/\\d+) .* (?<percent>[0-9.]+)%"))
        .accept("Epoch 2/4 loss 0.3 50%");
    lines(Pattern.compile("step=(?<fraction>[0-9.]+)")).accept("x step=0.25 y");
    assertThat(seen).containsExactly("0.5|2/4", "0.25|");
    assertThat(ProgressLines.problem(Pattern.compile("(\\d+)%"))).contains("named group");
  }
}
