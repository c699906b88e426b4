package dev.tollgate.benchmarks;

import dev.tollgate.activities.models.Predictor;
import dev.tollgate.activities.scores.RegressionScores;
import dev.tollgate.activities.train.HyperParams;
import dev.tollgate.activities.train.Trainer;
import dev.tollgate.activities.train.Trainers;
import dev.tollgate.activities.train.TrainingSet;
import dev.tollgate.spec.Task;
import dev.tollgate.spec.TrainingSpec;
import java.nio.file.Path;

/**
 * The Java side of the training benchmark (benchmarks/README.md), run by benchmarks/train.sh:
 *
 * <pre>TrainBenchmark FILE load|ALGORITHM [REPEATS [CAP_SECONDS [LONG_SECONDS]]]</pre>
 *
 * {@code load} times Tollgate's CSV loader on FILE; an algorithm name (or a setting of {@link
 * BenchSettings} such as {@code gradient_boosting_depth6}) times {@link Trainer#fit} of Tollgate's
 * trainer for it, exactly as the train activity calls it, on the file's training rows, and scores
 * the holdout rows. Each measurement is one tab-separated {@code RESULT} line. A run longer than
 * LONG_SECONDS (default 300) is not repeated; one longer than CAP_SECONDS (default 600) is stopped
 * with a {@code CAPPED} line.
 */
public final class TrainBenchmark {
  private static final long SEED = 42;

  private TrainBenchmark() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: TrainBenchmark FILE load|ALGORITHM [REPEATS [CAP [LONG]]]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    String what = args[1];
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    double cap = args.length > 3 ? Double.parseDouble(args[3]) : 600;
    double longRun = args.length > 4 ? Double.parseDouble(args[4]) : 300;
    var out = new ResultLine(file.getFileName().toString());
    if (what.equals("load")) {
      LoadBenchmark.time(file, "csv_loader", repeats, out);
      return;
    }
    BenchData bench = BenchData.of(BenchData.load(file));
    // As a worker does at start-up, and as Python imports xgboost before its timer starts.
    Trainers.warmUp();
    String algorithm = BenchSettings.algorithm(what);
    var training =
        new TrainingSpec(
            algorithm,
            dev.tollgate.activities.TestData.params(BenchSettings.params(what)),
            SEED,
            0.2);
    // As the train activity resolves them: some defaults depend on the training set's size.
    HyperParams params = HyperParams.resolve(Task.REGRESSION, training, bench.train().length);
    Trainer trainer = Trainers.forAlgorithm(Task.REGRESSION, algorithm);
    String library = BenchSettings.library(what);
    for (int run = 1; run <= repeats; run++) {
      int thisRun = run;
      System.gc();
      double cpu = ResultLine.cpuSeconds();
      long start = System.nanoTime();
      Watchdog watchdog =
          Watchdog.start(
              cap,
              start,
              cpu,
              (seconds, built, total, used) ->
                  out.capped(library, what, thisRun, seconds, built, total, used));
      Predictor model =
          trainer.fit(new TrainingSet(bench.data(), bench.train()), params, SEED, watchdog);
      double seconds = seconds(start);
      double used = ResultLine.cpuSeconds() - cpu;
      watchdog.stop();
      out.print(library, what, run, seconds, rmse(model, bench), used);
      if (seconds > longRun) {
        break;
      }
    }
  }

  private static double rmse(Predictor model, BenchData bench) {
    double[] predicted = model.predict(bench.data(), bench.holdout()).values();
    return RegressionScores.of(bench.data().target(bench.holdout()), predicted).get("rmse");
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
