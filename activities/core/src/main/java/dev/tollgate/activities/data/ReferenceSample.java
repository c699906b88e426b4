package dev.tollgate.activities.data;

import dev.tollgate.activities.stats.Moments;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * What a model was trained on, kept beside it ({@code reference.json} in its artifact folder) so a
 * later run can test new data against it without the old dataset: per numeric feature a bounded,
 * seeded sample of its training values (for KS and PSI) and the moments of all of them (for the
 * z-test); per categorical feature the count of each category in the training rows.
 *
 * @param numeric per numeric feature, in schema order
 * @param categorical per categorical feature, category to count; {@link #OTHER} counts rows that
 *     were none of the schema's categories
 */
public record ReferenceSample(
    Map<String, Numeric> numeric, Map<String, Map<String, Long>> categorical) {

  /** Most values kept per numeric feature. */
  public static final int MAX_SAMPLE = 5_000;

  /** The category of a row whose one-hot inputs are all zero (a category the schema lacks). */
  public static final String OTHER = "(other)";

  /**
   * @param sample at most {@link #MAX_SAMPLE} training values, drawn without replacement
   * @param count how many training values there were
   * @param mean their mean
   * @param variance their sample variance
   */
  public record Numeric(double[] sample, long count, double mean, double variance) {
    public Numeric {
      sample = sample.clone();
    }

    @Override
    public double[] sample() {
      return sample.clone();
    }

    public Moments moments() {
      return new Moments(count, mean, variance);
    }
  }

  public ReferenceSample {
    numeric = Map.copyOf(numeric);
    categorical = Map.copyOf(categorical);
  }

  /** The reference of {@code rows} of {@code data}; the sample depends only on {@code seed}. */
  public static ReferenceSample of(Dataset data, int[] rows, long seed) {
    int[] sampled = sample(rows, MAX_SAMPLE, seed);
    Map<String, Numeric> numeric = new LinkedHashMap<>();
    Map<String, Map<String, Long>> categorical = new LinkedHashMap<>();
    for (DataSchema.Feature f : data.schema().features()) {
      if (f.type() == DataSchema.Type.NUMERIC) {
        int j = data.features().indexOf(f.name());
        Moments m = Moments.of(data.feature(j, rows));
        numeric.put(
            f.name(), new Numeric(data.feature(j, sampled), m.count(), m.mean(), m.variance()));
      } else {
        categorical.put(f.name(), counts(data, f, rows));
      }
    }
    return new ReferenceSample(numeric, categorical);
  }

  /**
   * Per-category counts of a categorical feature in {@code rows}, from its one-hot inputs; rows
   * with none of them set count as {@link #OTHER} (only present when there are some).
   */
  public static Map<String, Long> counts(Dataset data, DataSchema.Feature feature, int[] rows) {
    Map<String, Long> counts = new LinkedHashMap<>();
    boolean[] seen = new boolean[rows.length];
    for (String category : feature.categories()) {
      double[] column = data.columns()[data.features().indexOf(feature.name() + "=" + category)];
      long n = 0;
      for (int i = 0; i < rows.length; i++) {
        if (column[rows[i]] != 0) {
          n++;
          seen[i] = true;
        }
      }
      counts.put(category, n);
    }
    long other = 0;
    for (boolean s : seen) other += s ? 0 : 1;
    if (other > 0) counts.put(OTHER, other);
    return counts;
  }

  /**
   * {@code max} of {@code rows} chosen by a seeded partial Fisher–Yates shuffle, or all of them.
   */
  public static int[] sample(int[] rows, int max, long seed) {
    if (rows.length <= max) return rows.clone();
    int[] copy = rows.clone();
    Random random = new Random(seed);
    for (int i = 0; i < max; i++) {
      int k = i + random.nextInt(copy.length - i);
      int t = copy[i];
      copy[i] = copy[k];
      copy[k] = t;
    }
    return java.util.Arrays.copyOf(copy, max);
  }
}
