import dev.tollgate.activities.stats.DriftStatistics;
import dev.tollgate.activities.stats.FeatureDrift;
import dev.tollgate.activities.stats.KolmogorovSmirnov;
import dev.tollgate.activities.stats.KsResult;
import dev.tollgate.activities.stats.MeanZTest;
import dev.tollgate.activities.stats.Psi;
import dev.tollgate.activities.stats.PsiResult;
import dev.tollgate.activities.stats.ZTestResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Drift over ROWS × FEATURES numeric features (reference and current, seeded, in memory): PSI,
 * z-test and KS for every feature, each part alone and all three fused as the validation gate runs
 * them, features in parallel. Run through benchmarks/drift.sh; see docs/benchmarks.md.
 *
 * <p>Options: --rows N (1000000) --features N (50) --bins N (10) --repeat N (5) --seed N (42)
 * --dump DIR (write the data as little-endian float64, feature-major, for drift_scipy.py, plus the
 * Java results to compare with).
 */
public class DriftBenchmark {
  public static void main(String[] args) throws IOException {
    int rows = intOption(args, "--rows", 1_000_000);
    int features = intOption(args, "--features", 50);
    int bins = intOption(args, "--bins", 10);
    int repeat = intOption(args, "--repeat", 5);
    long seed = intOption(args, "--seed", 42);
    String dump = option(args, "--dump", null);

    System.out.printf(
        "drift benchmark: %,d rows x %d features (reference and current), %d PSI bins, %d cores,"
            + " JDK %s%n",
        rows, features, bins, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    long t0 = System.nanoTime();
    List<double[]> reference = generate(features, f -> sample(seed, f, 0, rows, false));
    List<double[]> current = generate(features, f -> sample(seed, f, 1, rows, true));
    System.out.printf("generated in %.0f ms (not timed below)%n", (System.nanoTime() - t0) / 1e6);

    List<String> names = List.of("z-test", "PSI", "KS", "all three fused", "fused, 1 thread");
    List<Runnable> parts =
        List.of(
            () -> parallel(features, f -> MeanZTest.test(reference.get(f), current.get(f))),
            () -> parallel(features, f -> Psi.numeric(reference.get(f), current.get(f), bins)),
            () ->
                parallel(
                    features, f -> KolmogorovSmirnov.twoSample(reference.get(f), current.get(f))),
            () -> DriftStatistics.ofAll(reference, current, bins),
            () -> {
              for (int f = 0; f < features; f++) {
                DriftStatistics.of(reference.get(f), current.get(f), bins);
              }
            });
    for (Runnable part : parts) {
      part.run(); // warm-up: JIT-compile before timing
    }
    System.out.printf("%-18s %14s %10s %14s   (%d timed runs each; CPU = all threads)%n",
        "part", "median wall ms", "min wall", "median CPU ms", repeat);
    for (int i = 0; i < parts.size(); i++) {
      double[] ms = new double[repeat];
      double[] cpu = new double[repeat];
      for (int r = 0; r < repeat; r++) {
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        parts.get(i).run();
        ms[r] = (System.nanoTime() - start) / 1e6;
        cpu[r] = (processCpuNanos() - cpuStart) / 1e6;
      }
      Arrays.sort(ms);
      Arrays.sort(cpu);
      System.out.printf("%-18s %14.0f %10.0f %14.0f%n", names.get(i), ms[repeat / 2], ms[0],
          cpu[repeat / 2]);
    }

    List<FeatureDrift> results = DriftStatistics.ofAll(reference, current, bins);
    long drifted = results.stream().filter(r -> r.ks().pValue() < 0.05).count();
    System.out.printf("features with KS p < 0.05: %d of %d%n", drifted, features);
    if (dump != null) {
      write(Path.of(dump), reference, current, results);
    }
  }

  /**
   * Feature {@code f}'s values: five shapes in turn (normal, log-normal, uniform, exponential,
   * integer counts with heavy ties); in the current sample every fourth feature (f % 4 == 1) is
   * shifted by 0.1 standard deviations and every fourth (f % 4 == 2) by 0.01, the rest unchanged.
   */
  static double[] sample(long seed, int f, int side, int rows, boolean drift) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003 + f * 2L + side);
    double shift = !drift ? 0 : f % 4 == 1 ? 0.1 : f % 4 == 2 ? 0.01 : 0;
    double[] v = new double[rows];
    for (int i = 0; i < rows; i++) {
      double g = gaussian(random);
      v[i] =
          switch (f % 5) {
            case 0 -> g + shift;
            case 1 -> Math.exp(0.8 * (g + shift));
            case 2 -> 10 * random.nextDouble() + shift * 2.9;
            case 3 -> -2 * Math.log(1 - random.nextDouble()) + shift * 2;
            default -> Math.floor(-10 * Math.log(1 - random.nextDouble()) + shift * 10);
          };
    }
    return v;
  }

  /** CPU time of this process (all threads, GC included): robust to other load on the machine. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  static List<double[]> generate(int features, IntFunction<double[]> feature) {
    return IntStream.range(0, features).parallel().mapToObj(feature).toList();
  }

  static void parallel(int features, IntFunction<Object> work) {
    IntStream.range(0, features).parallel().mapToObj(work).toList();
  }

  static void write(Path dir, List<double[]> ref, List<double[]> cur, List<FeatureDrift> results)
      throws IOException {
    Files.createDirectories(dir);
    writeDoubles(dir.resolve("reference.f64"), ref);
    writeDoubles(dir.resolve("current.f64"), cur);
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(dir.resolve("java-results.csv")))) {
      out.println("feature,rows,ks_statistic,ks_pvalue,ks_method,psi,z,z_pvalue");
      for (int f = 0; f < results.size(); f++) {
        KsResult ks = results.get(f).ks();
        PsiResult psi = results.get(f).psi();
        ZTestResult z = results.get(f).zTest();
        out.printf("%d,%d,%s,%s,%s,%s,%s,%s%n", f, ref.get(f).length, ks.statistic(), ks.pValue(),
            ks.method(), psi.psi(), z.statistic(), z.pValue());
      }
    }
    System.out.println("wrote " + dir.toAbsolutePath() + "/{reference,current}.f64 and java-results.csv");
  }

  static void writeDoubles(Path file, List<double[]> columns) throws IOException {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
      for (double[] column : columns) {
        for (double v : column) {
          if (!buffer.hasRemaining()) {
            buffer.flip();
            while (buffer.hasRemaining()) {
              ch.write(buffer);
            }
            buffer.clear();
          }
          buffer.putDouble(v);
        }
      }
      buffer.flip();
      while (buffer.hasRemaining()) {
        ch.write(buffer);
      }
    }
  }

  static String option(String[] args, String name, String fallback) {
    List<String> list = new ArrayList<>(List.of(args));
    int at = list.indexOf(name);
    return at >= 0 && at + 1 < list.size() ? list.get(at + 1) : fallback;
  }

  static int intOption(String[] args, String name, int fallback) {
    String v = option(args, name, null);
    return v == null ? fallback : Integer.parseInt(v.replace("_", "").replace(",", ""));
  }
}
