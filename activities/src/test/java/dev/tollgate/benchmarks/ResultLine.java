package dev.tollgate.benchmarks;

import java.util.Locale;

/**
 * The harness's output, one tab-separated line per measurement, the format of the Python harness
 * too (benchmarks/summarise.py reads both):
 *
 * <pre>RESULT file library algorithm run seconds rmse|-
 * CAPPED file library algorithm run seconds trees-built/trees</pre>
 */
record ResultLine(String file) {

  void print(String library, String algorithm, int run, double seconds, double rmse) {
    String shown = Double.isNaN(rmse) ? "-" : String.format(Locale.ROOT, "%.6f", rmse);
    emit("RESULT", library, algorithm, run, seconds, shown);
  }

  void capped(String library, String algorithm, int run, double seconds, int built, int total) {
    emit("CAPPED", library, algorithm, run, seconds, built + "/" + total);
  }

  private synchronized void emit(
      String kind, String library, String algorithm, int run, double seconds, String last) {
    System.out.printf(
        Locale.ROOT,
        "%s\t%s\t%s\t%s\t%d\t%.3f\t%s%n",
        kind,
        file,
        library,
        algorithm,
        run,
        seconds,
        last);
    System.out.flush();
  }
}
