package dev.tollgate.benchmarks;

import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.DatasetLoader;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A benchmark file of {@code benchmarks/generate_data.py}, loaded through Tollgate's {@link
 * DatasetLoader}: features {@code f00..f19}, target {@code y}, and the {@code holdout} column (1
 * for the rows to score) that fixes the split shared with the Python harness. The loader parses all
 * 22 columns, as pandas does; the model sees the 20 features only.
 *
 * @param data the 20 features and the target
 * @param train the rows with {@code holdout == 0}
 * @param holdout the rows with {@code holdout == 1}
 */
record BenchData(Dataset data, int[] train, int[] holdout) {
  static final int FEATURES = 20;

  /** The spec the loader reads the file with. */
  static DataSpec spec(Path file) {
    List<String> columns = new ArrayList<>(features());
    columns.add("holdout");
    return new DataSpec(file.toUri().toString(), "y", columns, 1, null);
  }

  static List<String> features() {
    return IntStream.range(0, FEATURES).mapToObj(j -> String.format("f%02d", j)).toList();
  }

  /** Loads {@code file} with Tollgate's loader (the step {@code load} times). */
  static Dataset load(Path file) {
    return new DatasetLoader().load(spec(file), Task.REGRESSION);
  }

  /** Drops the split column from a loaded file and splits its rows by it. */
  static BenchData of(Dataset loaded) {
    double[] flag = loaded.columns()[FEATURES];
    Dataset data =
        new Dataset(
            loaded.source(),
            loaded.sha256(),
            loaded.target(),
            loaded.features().subList(0, FEATURES),
            loaded.y(),
            Arrays.copyOf(loaded.columns(), FEATURES));
    int[] train = IntStream.range(0, flag.length).filter(i -> flag[i] == 0).toArray();
    int[] holdout = IntStream.range(0, flag.length).filter(i -> flag[i] == 1).toArray();
    return new BenchData(data, train, holdout);
  }
}
