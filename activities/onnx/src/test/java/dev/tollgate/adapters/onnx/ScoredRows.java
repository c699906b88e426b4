package dev.tollgate.adapters.onnx;

import dev.tollgate.activities.data.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows an example's script scored with its own library (validation_predictions.csv, check.csv): the
 * feature columns, the target, the library's answers. Plain CSV of numbers and labels, no quoting.
 */
record ScoredRows(List<String> header, List<String[]> rows) {

  static ScoredRows read(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) rows.add(line.split(","));
    return new ScoredRows(List.of(lines.getFirst().split(",")), rows);
  }

  String[] column(String name) {
    int j = header.indexOf(name);
    if (j < 0) throw new IllegalArgumentException("no column " + name + " in " + header);
    return rows.stream().map(r -> r[j]).toArray(String[]::new);
  }

  double[] numbers(String name) {
    return Arrays.stream(column(name)).mapToDouble(Double::parseDouble).toArray();
  }

  /**
   * The rows as Tollgate hands them to a model: the spec's features, in the spec's order (picked by
   * name, so a script whose own order differs scores wrongly and fails the comparison).
   */
  Dataset dataset(Example example, List<String> classes) {
    List<String> features = example.features();
    double[][] columns = new double[features.size()][];
    for (int j = 0; j < features.size(); j++) columns[j] = numbers(features.get(j));
    double[] y = new double[rows.size()];
    if (classes == null) {
      y = numbers(example.target());
    } else {
      String[] labels = column(example.target());
      for (int i = 0; i < y.length; i++) y[i] = classes.indexOf(labels[i]);
    }
    return new Dataset("example.csv", "sha", example.target(), features, y, columns, classes);
  }
}
