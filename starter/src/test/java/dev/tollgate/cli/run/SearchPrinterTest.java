package dev.tollgate.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.SearchSummary;
import dev.tollgate.stages.TrialResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchPrinterTest {

  @Test
  void namesChoicesMarksTheWinnerAndShowsFailures() {
    var search =
        new SearchSummary(
            "rmse",
            List.of(
                new TrialResult(
                    0, Map.of("grow_policy", 0.0, "trees", 100.0), Map.of("rmse", 27.3), null, 900),
                new TrialResult(
                    1, Map.of("grow_policy", 1.0, "trees", 100.0), Map.of("rmse", 25.8), null, 800),
                TrialResult.failed(
                    2, Map.of("grow_policy", 1.0, "trees", 5000.0), "out of memory")),
            1);
    StringWriter text = new StringWriter();
    SearchPrinter.print(new PrintWriter(text, true), search);

    List<String> lines = text.toString().lines().toList();
    assertThat(lines.get(0)).isEqualTo("Search by rmse (3 trials):");
    assertThat(lines.get(1))
        .startsWith("    #0 ")
        .contains("grow_policy=depthwise trees=100")
        .endsWith("rmse 27.3");
    assertThat(lines.get(2)).startsWith("  ★ #1 ").contains("grow_policy=lossguide trees=100");
    assertThat(lines.get(3)).contains("trees=5000").endsWith("failed: out of memory");
  }
}
