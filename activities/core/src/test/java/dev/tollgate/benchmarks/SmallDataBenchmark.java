package dev.tollgate.benchmarks;

import dev.tollgate.activities.TestData;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.DatasetLoader;
import dev.tollgate.activities.models.Predictor;
import dev.tollgate.activities.scores.RegressionScores;
import dev.tollgate.activities.train.HyperParams;
import dev.tollgate.activities.train.Trainers;
import dev.tollgate.activities.train.TrainingSet;
import dev.tollgate.activities.train.TreeProgress;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.Task;
import dev.tollgate.spec.TrainingSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The Java side of the small-data benchmark (benchmarks/small-data.sh): for every file that
 * benchmarks/small_data.py exported ({@code NAME-sSEED.csv}: features, {@code y}, {@code holdout}),
 * trains {@code gradient_boosting} through Tollgate's loader and trainer with a spec that names the
 * algorithm and nothing else, seeded with the file's seed, and scores the holdout rows:
 *
 * <pre>SMALL data-set rows seed tollgate holdout-rmse holdout-r2</pre>
 */
public final class SmallDataBenchmark {
  private SmallDataBenchmark() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: SmallDataBenchmark DIRECTORY");
      System.exit(2);
    }
    Trainers.warmUp();
    List<Path> files;
    try (var listing = Files.list(Path.of(args[0]))) {
      files = listing.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    for (Path file : files) {
      String stem = file.getFileName().toString().replaceFirst("\\.csv$", "");
      int at = stem.lastIndexOf("-s");
      String name = stem.substring(0, at);
      long seed = Long.parseLong(stem.substring(at + 2));
      Map<String, Double> scores = trainAndScore(file, seed);
      System.out.printf(
          Locale.ROOT,
          "SMALL\t%s\t%d\t%d\ttollgate\t%.6f\t%.6f%n",
          name,
          Math.round(scores.get("rows")),
          seed,
          scores.get("rmse"),
          scores.get("r2"));
    }
  }

  private static Map<String, Double> trainAndScore(Path file, long seed) throws IOException {
    String header;
    try (var lines = Files.lines(file)) {
      header = lines.findFirst().orElseThrow();
    }
    List<String> columns = Arrays.stream(header.split(",")).filter(c -> !c.equals("y")).toList();
    int flagAt = columns.indexOf("holdout");
    Dataset loaded =
        new DatasetLoader()
            .load(new DataSpec(file.toUri().toString(), "y", columns, 1, null), Task.REGRESSION);
    double[] flag = loaded.columns()[flagAt];
    Dataset data =
        new Dataset(
            loaded.source(),
            loaded.sha256(),
            loaded.target(),
            loaded.features().subList(0, flagAt),
            loaded.y(),
            Arrays.copyOf(loaded.columns(), flagAt));
    int[] train = IntStream.range(0, flag.length).filter(i -> flag[i] == 0).toArray();
    int[] holdout = IntStream.range(0, flag.length).filter(i -> flag[i] == 1).toArray();
    var spec = new TrainingSpec("gradient_boosting", TestData.params(Map.of()), seed, 0.2);
    HyperParams params = HyperParams.resolve(Task.REGRESSION, spec, train.length);
    Predictor model =
        Trainers.forAlgorithm(Task.REGRESSION, "gradient_boosting")
            .fit(new TrainingSet(data, train), params, seed, TreeProgress.NONE);
    double[] predicted = model.predict(data, holdout).values();
    Map<String, Double> scores =
        new java.util.HashMap<>(RegressionScores.of(data.target(holdout), predicted));
    scores.put("rows", (double) flag.length);
    return scores;
  }
}
