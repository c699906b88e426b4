package dev.tollgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows Tollgate held out from a training command, found from outside: the dataset's rows minus
 * those of the {@code train.csv} the command was given (as a multiset, on the features' and the
 * target's values). Every row of train.csv must be one of the dataset's, so a split that changed a
 * value, or gave the command a holdout row twice, fails here rather than passing unnoticed.
 *
 * @param features each row's features, in the spec's order
 * @param targets each row's target as written in the dataset
 */
record HoldoutRows(List<double[]> features, List<String> targets, int trainRows, int dataRows) {

  static HoldoutRows of(Path data, Path trainCsv, List<String> features, String target) {
    List<Row> all = read(data, features, target);
    Map<String, Integer> given = new HashMap<>();
    List<Row> train = read(trainCsv, features, target);
    for (Row r : train) given.merge(r.key(), 1, Integer::sum);
    List<double[]> x = new ArrayList<>();
    List<String> y = new ArrayList<>();
    for (Row r : all) {
      Integer left = given.get(r.key());
      if (left != null && left > 0) {
        given.put(r.key(), left - 1);
      } else {
        x.add(r.values());
        y.add(r.target());
      }
    }
    long unmatched = given.values().stream().mapToInt(Integer::intValue).sum();
    if (unmatched > 0) {
      throw new AssertionError(
          unmatched + " rows of " + trainCsv + " are not rows of " + data + " (or came twice)");
    }
    return new HoldoutRows(List.copyOf(x), List.copyOf(y), train.size(), all.size());
  }

  /** The features as a CSV with a header, for a Python script to score. */
  Path writeFeatures(Path file, List<String> names) {
    StringBuilder csv = new StringBuilder(String.join(",", names)).append('\n');
    for (double[] row : features) {
      for (int j = 0; j < row.length; j++) csv.append(j == 0 ? "" : ",").append(row[j]);
      csv.append('\n');
    }
    try {
      return Files.writeString(file, csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Row(double[] values, String target) {
    /**
     * Numbers compared as numbers: "65.0" in one file is "65" in the other, and "-0.0" is "0"
     * (adding 0.0 turns -0.0 into 0.0).
     */
    String key() {
      StringBuilder k = new StringBuilder();
      for (double v : values) k.append(v + 0.0).append(',');
      return k.append(number(target)).toString();
    }

    private static String number(String s) {
      try {
        return Double.toString(Double.parseDouble(s) + 0.0);
      } catch (NumberFormatException e) {
        return s;
      }
    }
  }

  private static List<Row> read(Path csv, List<String> features, String target) {
    try {
      List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
      List<String> header = List.of(lines.get(0).split(",", -1));
      int[] columns = features.stream().mapToInt(header::indexOf).toArray();
      int y = header.indexOf(target);
      if (y < 0 || java.util.Arrays.stream(columns).anyMatch(c -> c < 0)) {
        throw new AssertionError(
            csv + " has columns " + header + ", not " + features + " and " + target);
      }
      List<Row> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) continue;
        String[] f = line.split(",", -1);
        double[] v = new double[columns.length];
        for (int j = 0; j < columns.length; j++) v[j] = Double.parseDouble(f[columns[j]]);
        rows.add(new Row(v, f[y]));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
