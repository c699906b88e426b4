package dev.tollgate.activities.data;

import dev.tollgate.activities.Failures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a table's features into model inputs with a {@link DataSchema}: numbers as they are (a
 * missing one filled with the schema's mean), each category as a 0/1 input (a missing one as the
 * schema's mode). A category the schema does not know sets no input at all, and is counted: the
 * model cannot have learnt anything about it, and the count tells how often that happened.
 *
 * @param columns one per {@link DataSchema#inputs()} entry, {@code columns[j][row]}
 * @param imputed filled values per feature, only features that had some
 * @param unseen values of unknown categories per feature, only features that had some
 */
record OneHotEncoder(
    double[][] columns, Map<String, Integer> imputed, Map<String, Integer> unseen) {

  static OneHotEncoder encode(DataSchema schema, RawTable table) {
    List<double[]> columns = new ArrayList<>();
    Map<String, Integer> imputed = new LinkedHashMap<>();
    Map<String, Integer> unseen = new LinkedHashMap<>();
    for (int j = 0; j < schema.features().size(); j++) {
      DataSchema.Feature feature = schema.features().get(j);
      RawColumn raw = table.features().get(j);
      int[] counts = new int[2]; // imputed, unseen
      if (feature.type() == DataSchema.Type.NUMERIC) {
        columns.add(numeric(feature, raw.numbers(), counts, table.source()));
      } else {
        columns.addAll(categorical(feature, raw, counts, table.source()));
      }
      if (counts[0] > 0) imputed.put(feature.name(), counts[0]);
      if (counts[1] > 0) unseen.put(feature.name(), counts[1]);
    }
    return new OneHotEncoder(columns.toArray(double[][]::new), imputed, unseen);
  }

  /** Fills missing values in place: the raw array becomes the input, no copy of a big column. */
  private static double[] numeric(
      DataSchema.Feature feature, double[] values, int[] counts, String source) {
    for (int row = 0; row < values.length; row++) {
      if (Double.isNaN(values[row])) {
        if (feature.mean() == null) {
          throw Failures.invalidData(
              source + " column " + feature.name() + ": no value in the training rows to impute");
        }
        values[row] = feature.mean();
        counts[0]++;
      }
    }
    return values;
  }

  private static List<double[]> categorical(
      DataSchema.Feature feature, RawColumn raw, int[] counts, String source) {
    List<String> categories = feature.categories(); // sorted, so binary search finds them
    int[] input = new int[raw.seen().size()]; // raw code -> category index, -1 when unseen
    for (int code = 0; code < input.length; code++) {
      input[code] = Math.max(-1, Collections.binarySearch(categories, raw.seen().get(code)));
    }
    int fill = feature.mode() == null ? -1 : categories.indexOf(feature.mode());
    int[] codes = raw.codes();
    double[][] block = new double[categories.size()][codes.length];
    for (int row = 0; row < codes.length; row++) {
      int at;
      if (codes[row] < 0) {
        if (fill < 0) {
          throw Failures.invalidData(
              source + " column " + feature.name() + ": no category recorded to impute");
        }
        at = fill;
        counts[0]++;
      } else if ((at = input[codes[row]]) < 0) {
        counts[1]++;
        continue;
      }
      block[at][row] = 1;
    }
    return List.of(block);
  }
}
