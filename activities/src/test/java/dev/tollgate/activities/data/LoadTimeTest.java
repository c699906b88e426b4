package dev.tollgate.activities.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.Task;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints how long a generated numeric CSV takes to load; a measurement, not a timed assertion (the
 * build machine is shared). 200,000 rows × 20 features by default; {@code
 * -Dtollgate.loadTimeRows=1000000} measures a million. The output is in {@code
 * activities/target/surefire-reports/dev.tollgate.activities.data.LoadTimeTest-output.txt}.
 */
class LoadTimeTest {
  private static final int FEATURES = 20;
  @TempDir Path dir;

  @Test
  void printsTheLoadTimeOfAGeneratedFile() throws IOException {
    int rows = Integer.getInteger("tollgate.loadTimeRows", 200_000);
    List<String> features = new ArrayList<>();
    for (int j = 0; j < FEATURES; j++) features.add("f" + j);
    Path file = write(dir.resolve("wide.csv"), rows, features);
    DataSpec spec = new DataSpec(file.toUri().toString(), "y", features, 1, null);
    CsvLoader loader = new CsvLoader();
    loader.load(spec, Task.REGRESSION); // warm-up: the JIT, the page cache
    Dataset data = null;
    for (int run = 1; run <= 2; run++) {
      Runtime runtime = Runtime.getRuntime();
      data = null; // the previous run's dataset must not count as this one's
      System.gc();
      long before = runtime.totalMemory() - runtime.freeMemory();
      long started = System.nanoTime();
      data = loader.load(spec, Task.REGRESSION);
      long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
      System.gc(); // what the dataset keeps, not the garbage of reading it
      long kept = (runtime.totalMemory() - runtime.freeMemory() - before) >> 20;
      System.out.printf(
          Locale.ROOT,
          "load time, run %d: %,d rows x %d features, %d MB file: %,d ms (%.0f MB/s),"
              + " %d MB kept on the heap (the values alone are %d MB)%n",
          run,
          data.rows(),
          FEATURES,
          Files.size(file) >> 20,
          millis,
          (Files.size(file) / 1e6) / (millis / 1e3),
          kept,
          (long) rows * (FEATURES + 1) * 8 >> 20);
    }
    assertThat(data.rows()).isEqualTo(rows);
  }

  /** Values as exports write them: six decimals, some negative, some large. */
  private static Path write(Path file, int rows, List<String> features) throws IOException {
    Random random = new Random(1);
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write(String.join(",", features) + ",y\n");
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < rows; i++) {
        line.setLength(0);
        long y = 0;
        for (int j = 0; j < FEATURES; j++) {
          long micros = (long) ((random.nextDouble() - 0.3) * (j % 4 == 0 ? 1e9 : 1e7));
          y += micros * (j % 3 - 1);
          fixed(line, micros).append(',');
        }
        fixed(line, y).append('\n');
        out.append(line);
      }
    }
    return file;
  }

  /** {@code micros / 10⁶} with six decimals, without String.format's cost per value. */
  private static StringBuilder fixed(StringBuilder out, long micros) {
    if (micros < 0) out.append('-');
    long abs = Math.abs(micros);
    String fraction = Long.toString(abs % 1_000_000);
    out.append(abs / 1_000_000).append('.');
    out.append("000000", fraction.length(), 6).append(fraction);
    return out;
  }
}
