package dev.tollgate.activities.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.data.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The train.csv a command gets: the given rows only, inputs then target, labels by name. */
class TrainCsvTest {
  @TempDir Path dir;

  @Test
  void writesOnlyTheGivenRowsWithClassLabelsAndPlainNumbers() throws Exception {
    var data =
        new Dataset(
            "churn.csv",
            "sha",
            "churned",
            List.of("tenure", "region=north"),
            new double[] {0, 1, 1},
            new double[][] {{3, 4.5, 7}, {1, 0, 1}},
            List.of("no", "yes, later"));
    Path csv = TrainCsv.write(data, new int[] {0, 2}, dir.resolve("train.csv"));
    assertThat(Files.readAllLines(csv))
        .containsExactly("tenure,region=north,churned", "3,1,no", "7,1,\"yes, later\"");
  }

  @Test
  void aRegressionTargetIsANumberAndAMissingValueIsEmpty() throws Exception {
    var data =
        new Dataset(
            "load.csv",
            "sha",
            "load",
            List.of("temperature"),
            new double[] {12.25},
            new double[][] {{Double.NaN}},
            null);
    assertThat(Files.readAllLines(TrainCsv.write(data, new int[] {0}, dir.resolve("t.csv"))))
        .containsExactly("temperature,load", ",12.25");
  }
}
