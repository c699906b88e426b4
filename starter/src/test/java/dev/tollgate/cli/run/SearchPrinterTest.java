package dev.tollgate.cli.run;

import static dev.tollgate.spec.ParamValue.number;
import static dev.tollgate.spec.ParamValue.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.SearchSummary;
import dev.tollgate.spec.ParamValue;
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
                    0,
                    Map.of("grow_policy", text("depthwise"), "trees", number(100)),
                    Map.of("rmse", 27.3),
                    null,
                    900),
                new TrialResult(
                    1,
                    Map.of("grow_policy", text("lossguide"), "trees", number(100)),
                    Map.of("rmse", 25.8),
                    null,
                    800),
                TrialResult.failed(
                    2,
                    Map.of("grow_policy", text("lossguide"), "trees", number(5000)),
                    "out of memory")),
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

  @Test
  void showsAFlagAsWritten() {
    var search =
        new SearchSummary(
            "f1",
            List.of(
                new TrialResult(
                    0,
                    Map.of("warm_start", ParamValue.flag(true), "shrinkage", number(0.05)),
                    Map.of("f1", 0.9),
                    null,
                    10)),
            0);
    StringWriter text = new StringWriter();
    SearchPrinter.print(new PrintWriter(text, true), search);
    assertThat(text.toString()).contains("shrinkage=0.05 warm_start=true");
  }
}
