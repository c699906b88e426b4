package dev.tollgate.benchmarks;

import dev.tollgate.activities.data.Dataset;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The Java side of the loading benchmark (benchmarks/README.md), run by benchmarks/data-load.sh:
 *
 * <pre>LoadBenchmark FILE [REPEATS]</pre>
 *
 * Times {@code DatasetLoader.load} of FILE ({@link BenchData#load}: all 22 columns, as pandas reads
 * them), REPEATS times (default 5) in this one JVM, so the first load pays for the JIT. FILE is a
 * CSV (plain or gzip) or a Parquet copy of one: the loader picks the format by the name, as a spec
 * does. Each load is one {@code RESULT} line, the loader named {@code csv_loader} or {@code
 * parquet_loader}.
 */
public final class LoadBenchmark {
  private LoadBenchmark() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: LoadBenchmark FILE [REPEATS]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String loader = name.endsWith(".parquet") ? "parquet_loader" : "csv_loader";
    var out = new ResultLine(file.getFileName().toString());
    time(file, loader, repeats, out);
  }

  /** {@code repeats} loads of {@code file}, one RESULT line each (TrainBenchmark's load too). */
  static void time(Path file, String loader, int repeats, ResultLine out) {
    for (int run = 1; run <= repeats; run++) {
      System.gc();
      double cpu = ResultLine.cpuSeconds();
      long start = System.nanoTime();
      Dataset loaded = BenchData.load(file);
      double seconds = (System.nanoTime() - start) / 1e9;
      out.print("tollgate", loader, run, seconds, Double.NaN, ResultLine.cpuSeconds() - cpu);
      if (loaded.rows() == 0) throw new IllegalStateException("no rows");
    }
  }
}
