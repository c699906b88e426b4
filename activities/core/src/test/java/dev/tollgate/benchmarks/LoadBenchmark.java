package dev.tollgate.benchmarks;

import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.KeptDigests;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The Java side of the loading benchmark (benchmarks/README.md), run by benchmarks/data-load.sh:
 *
 * <pre>LoadBenchmark FILE [REPEATS [kept|hashed]]</pre>
 *
 * Times {@code DatasetLoader.load} of FILE ({@link BenchData#load}: all 22 columns, as pandas reads
 * them), REPEATS times (default 5) in this one JVM, so the first load pays for the JIT. FILE is a
 * CSV (plain or gzip) or a Parquet copy of one: the loader picks the format by the name, as a spec
 * does. Each load is one {@code RESULT} line, the loader named {@code csv_loader} or {@code
 * parquet_loader}. {@code kept} (the default): the worker keeps the digest of an unchanged file, so
 * the first load hashes it and the later ones do not, as a run's later stages on the same file;
 * {@code hashed}: the kept digests are forgotten before each load, so every load hashes the file,
 * as a run's first stage on a new file does (the loader's name then ends in {@code _hashed}).
 */
public final class LoadBenchmark {
  private LoadBenchmark() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: LoadBenchmark FILE [REPEATS [kept|hashed]]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean hashed = args.length > 2 && args[2].equalsIgnoreCase("hashed");
    if (args.length > 2 && !hashed && !args[2].equalsIgnoreCase("kept")) {
      System.err.println("the third argument is kept or hashed, not " + args[2]);
      System.exit(2);
    }
    String loader =
        (name.endsWith(".parquet") ? "parquet_loader" : "csv_loader") + (hashed ? "_hashed" : "");
    var out = new ResultLine(file.getFileName().toString());
    time(file, loader, repeats, out, hashed);
  }

  /** {@code repeats} loads of {@code file}, one RESULT line each (TrainBenchmark's load too). */
  static void time(Path file, String loader, int repeats, ResultLine out) {
    time(file, loader, repeats, out, false);
  }

  private static void time(Path file, String loader, int repeats, ResultLine out, boolean hashed) {
    for (int run = 1; run <= repeats; run++) {
      if (hashed) KeptDigests.forget();
      long hitsBefore = KeptDigests.hits();
      System.gc();
      double cpu = ResultLine.cpuSeconds();
      long start = System.nanoTime();
      Dataset loaded = BenchData.load(file);
      double seconds = (System.nanoTime() - start) / 1e9;
      out.print("tollgate", loader, run, seconds, Double.NaN, ResultLine.cpuSeconds() - cpu);
      if (loaded.rows() == 0) throw new IllegalStateException("no rows");
      boolean usedKept = KeptDigests.hits() != hitsBefore;
      if (hashed && usedKept) {
        throw new IllegalStateException("a load meant to hash the file used a kept digest");
      }
      if (!hashed && run > 1 && !usedKept) { // a file written under 2 s ago, or changed
        System.err.println("load " + run + " hashed " + file + ": its digest was not kept");
      }
    }
  }
}
