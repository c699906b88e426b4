package dev.tollgate.examples.energy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnergyDataGeneratorTest {
  @TempDir Path dir;

  @Test
  void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    Path c = dir.resolve("c.csv");
    EnergyDataGenerator.write(a, 42, EnergyDataGenerator.DEFAULT_ROWS);
    EnergyDataGenerator.write(b, 42, EnergyDataGenerator.DEFAULT_ROWS);
    EnergyDataGenerator.write(c, 7, EnergyDataGenerator.DEFAULT_ROWS);

    assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
    assertThat(Files.mismatch(a, c)).isNotEqualTo(-1L);
  }

  @Test
  void tenThousandHourlyRowsFromNewYear2026() throws IOException {
    List<String> lines = generate();

    assertThat(lines).hasSize(10_001);
    assertThat(lines.get(0)).isEqualTo("timestamp,hour,day_of_week,temperature,humidity,load");
    assertThat(lines.get(1)).startsWith("2026-01-01T00:00:00Z,0,4,"); // a Thursday
    assertThat(lines.get(2)).startsWith("2026-01-01T01:00:00Z,1,4,");
    assertThat(lines.get(10_000)).startsWith("2027-02-21T15:00:00Z,15,7,");
    assertThat(lines.subList(1, lines.size())).allMatch(l -> l.split(",").length == 6);
  }

  @Test
  void loadReallyDependsOnTemperatureAndTheWeekday() throws IOException {
    List<String[]> rows = generate().stream().skip(1).map(l -> l.split(",")).toList();
    double[] load = column(rows, 5);
    double[] temperature = column(rows, 3);
    double[] comfortGap = new double[rows.size()];
    double[] weekend = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      comfortGap[i] = Math.abs(temperature[i] - 19);
      weekend[i] = Integer.parseInt(rows.get(i)[2]) >= 6 ? 1 : 0;
    }

    assertThat(correlation(load, comfortGap)).isGreaterThan(0.5);
    assertThat(correlation(load, weekend)).isLessThan(-0.15);
    double sd = Math.sqrt(variance(load));
    assertThat(sd).as("load varies much more than its noise (sd 25)").isGreaterThan(75);
  }

  private List<String> generate() throws IOException {
    Path out = dir.resolve("load.csv");
    EnergyDataGenerator.write(out, 42, EnergyDataGenerator.DEFAULT_ROWS);
    return Files.readAllLines(out);
  }

  private static double[] column(List<String[]> rows, int i) {
    return rows.stream().mapToDouble(r -> Double.parseDouble(r[i])).toArray();
  }

  private static double correlation(double[] x, double[] y) {
    double mx = mean(x);
    double my = mean(y);
    double sxy = 0;
    for (int i = 0; i < x.length; i++) sxy += (x[i] - mx) * (y[i] - my);
    return sxy / x.length / Math.sqrt(variance(x) * variance(y));
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) s += v;
    return s / x.length;
  }

  private static double variance(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) s += (v - m) * (v - m);
    return s / x.length;
  }
}
