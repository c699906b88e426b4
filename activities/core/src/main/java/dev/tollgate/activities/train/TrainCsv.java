package dev.tollgate.activities.train;

import dev.tollgate.activities.data.Dataset;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training rows of Tollgate's split as the {@code train.csv} a training command gets: the
 * model's inputs in order (the spec's features; a categorical feature as its one-hot columns such
 * as {@code region=north}, the names the ONNX model is fed by), then the target (a class by its
 * label, a number as a number). Values are after the spec's missing-value policy, so the command
 * trains on exactly what Tollgate will score. The holdout rows are never written.
 */
final class TrainCsv {
  private TrainCsv() {}

  static Path write(Dataset data, int[] rows, Path file) throws IOException {
    boolean target = data.target() != null;
    List<String> header = new ArrayList<>(data.features());
    if (target) header.add(data.target());
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(line(header));
      StringBuilder row = new StringBuilder();
      for (int r : rows) {
        row.setLength(0);
        for (int j = 0; j < data.features().size(); j++) {
          if (j > 0) row.append(',');
          row.append(number(data.columns()[j][r]));
        }
        if (target) {
          row.append(',');
          double y = data.y()[r];
          row.append(data.classes() != null ? field(data.classes().get((int) y)) : number(y));
        }
        row.append('\n');
        out.write(row.toString());
      }
    }
    return file;
  }

  private static String line(List<String> fields) {
    StringBuilder b = new StringBuilder();
    for (String f : fields) {
      if (b.length() > 0) b.append(',');
      b.append(field(f));
    }
    return b.append('\n').toString();
  }

  /** A whole number without {@code .0}; a missing value (NaN) as an empty field. */
  private static String number(double v) {
    if (Double.isNaN(v)) return "";
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    return Double.toString(v);
  }

  /** RFC 4180: quoted when it holds a comma, quote or line break. */
  private static String field(String text) {
    if (text.indexOf(',') < 0
        && text.indexOf('"') < 0
        && text.indexOf('\n') < 0
        && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
