package dev.tollgate.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The harness's output, one tab-separated line per measurement, the format of the Python harness
 * too (benchmarks/summarise.py reads both):
 *
 * <pre>RESULT file library algorithm run seconds rmse|- cpu-seconds
 * CAPPED file library algorithm run seconds trees-built/trees cpu-seconds</pre>
 *
 * cpu-seconds is the CPU time of the whole process over the run, every thread included (XGBoost's
 * native OpenMP threads too): on a busy machine it says how much work a run was when its wall time
 * says mostly how long it waited for a core.
 */
record ResultLine(String file) {

  void print(String library, String algorithm, int run, double seconds, double rmse, double cpu) {
    String shown = Double.isNaN(rmse) ? "-" : String.format(Locale.ROOT, "%.6f", rmse);
    emit("RESULT", library, algorithm, run, seconds, shown, cpu);
  }

  void capped(
      String library, String algorithm, int run, double seconds, int built, int total, double cpu) {
    emit("CAPPED", library, algorithm, run, seconds, built + "/" + total, cpu);
  }

  /** CPU seconds used by this process so far, all threads. */
  static double cpuSeconds() {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return os.getProcessCpuTime() / 1e9;
  }

  private synchronized void emit(
      String kind,
      String library,
      String algorithm,
      int run,
      double seconds,
      String result,
      double cpu) {
    System.out.printf(
        Locale.ROOT,
        "%s\t%s\t%s\t%s\t%d\t%.3f\t%s\t%.3f%n",
        kind,
        file,
        library,
        algorithm,
        run,
        seconds,
        result,
        cpu);
    System.out.flush();
  }
}
