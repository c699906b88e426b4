package dev.tollgate.activities.data;

import dev.tollgate.activities.Failures;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a {@link DataSchema} on the training rows only: the categories a model can know and the
 * values that fill missing ones must not come from the rows that later score it.
 */
final class SchemaFitter {
  private SchemaFitter() {}

  static DataSchema fit(RawTable table, int[] rows) {
    List<DataSchema.Feature> features = new ArrayList<>();
    for (RawColumn column : table.features()) {
      features.add(column.categorical ? categorical(table, column, rows) : numeric(column, rows));
    }
    return new DataSchema(features);
  }

  private static DataSchema.Feature numeric(RawColumn column, int[] rows) {
    double[] values = column.numbers();
    double sum = 0;
    int count = 0;
    for (int row : rows) {
      if (!Double.isNaN(values[row])) {
        sum += values[row];
        count++;
      }
    }
    Double mean = count == 0 ? null : sum / count;
    return new DataSchema.Feature(column.name, DataSchema.Type.NUMERIC, List.of(), mean, null);
  }

  private static DataSchema.Feature categorical(RawTable table, RawColumn column, int[] rows) {
    int[] codes = column.codes();
    int[] counts = new int[column.seen().size()];
    for (int row : rows) {
      if (codes[row] >= 0) counts[codes[row]]++;
    }
    List<String> categories = new ArrayList<>();
    for (int code = 0; code < counts.length; code++) {
      if (counts[code] > 0) categories.add(column.seen().get(code));
    }
    if (categories.isEmpty()) {
      throw Failures.invalidData(
          table.source()
              + " column "
              + column.name
              + ": no category in the "
              + rows.length
              + " training rows, every value there is missing");
    }
    categories.sort(null);
    String mode = categories.getFirst();
    int best = 0;
    for (String category : categories) { // sorted, so a tie keeps the first in order
      int count = counts[column.codeOf(category)];
      if (count > best) {
        best = count;
        mode = category;
      }
    }
    return new DataSchema.Feature(column.name, DataSchema.Type.CATEGORICAL, categories, null, mode);
  }
}
