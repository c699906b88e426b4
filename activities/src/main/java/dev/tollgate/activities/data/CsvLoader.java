package dev.tollgate.activities.data;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.artifacts.Digests;
import dev.tollgate.spec.DataSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loads the target and feature columns of a CSV file with a header line. Every problem with the
 * file is a non-retryable {@code INVALID_DATA} failure naming the file and, for a bad value, the
 * row and column: "load.csv row 17, column temperature: 'abc' is not a number". Rows are counted as
 * the lines of the file, header included, so "row 17" is line 17 in an editor or a spreadsheet.
 * Blank lines are skipped; columns the spec does not use are not parsed.
 */
public final class CsvLoader {
  private final DatasetFiles files;

  /** A loader of {@code file:} datasets only (tests, tools). */
  public CsvLoader() {
    this(DatasetFiles.localOnly());
  }

  /** A loader of the URIs {@code files} can open ({@code file:}, {@code s3://}). */
  public CsvLoader(DatasetFiles files) {
    this.files = files;
  }

  /** Enforces {@code data.max_age} on the dataset, wherever it is. */
  public void checkFreshness(DataSpec spec, java.time.Instant now) {
    DataFreshness.check(spec, files, now);
  }

  /** Loads the spec's dataset and refuses it when it has fewer rows than {@code min_rows}. */
  public Dataset load(DataSpec spec) {
    Dataset data = loadAnySize(spec);
    if (data.rows() < spec.minRows()) {
      throw Failures.invalidData(
          data.source() + " has " + data.rows() + " data rows, min_rows is " + spec.minRows());
    }
    return data;
  }

  /** Loads without the {@code min_rows} check (a smoke test needs a few rows, not a dataset). */
  public Dataset loadAnySize(DataSpec spec) {
    try (DatasetFiles.Local local = files.open(spec.train())) {
      return read(local.path(), spec);
    }
  }

  private static Dataset read(Path file, DataSpec spec) {
    String name = file.getFileName().toString();
    if (!Files.isRegularFile(file)) {
      throw Failures.invalidData(
          "dataset " + file + " does not exist (data.train " + spec.train() + ")");
    }
    List<String> used = new ArrayList<>(spec.features());
    used.add(spec.target()); // the target goes last, as in Dataset
    double[][] values;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null || header.isBlank()) {
        throw Failures.invalidData(name + " is empty: expected a header line naming the columns");
      }
      List<String> columns = CsvFields.split(header.replace("\uFEFF", ""));
      int[] at = locate(name, columns, used);
      values = readRows(in, name, used, at, columns.size());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    double[][] features = Arrays.copyOf(values, spec.features().size());
    return new Dataset(
        name,
        Digests.sha256(file),
        spec.target(),
        spec.features(),
        values[values.length - 1],
        features);
  }

  /** Index of each used column in the header; every missing one is named at once. */
  private static int[] locate(String name, List<String> columns, List<String> used) {
    List<String> missing = used.stream().filter(c -> !columns.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw Failures.invalidData(
          name
              + " has no column "
              + String.join(", ", missing.stream().map(c -> "'" + c + "'").toList())
              + " (columns present: "
              + String.join(", ", columns)
              + ")");
    }
    return used.stream().mapToInt(columns::indexOf).toArray();
  }

  private static double[][] readRows(
      BufferedReader in, String name, List<String> used, int[] at, int width) throws IOException {
    Column[] out = new Column[used.size()];
    Arrays.setAll(out, j -> new Column());
    String line;
    int row = 1; // the header was row 1
    while ((line = in.readLine()) != null) {
      row++;
      if (line.isBlank()) {
        continue;
      }
      List<String> fields = CsvFields.split(line);
      if (fields.size() != width) {
        throw Failures.invalidData(
            name + " row " + row + " has " + fields.size() + " fields, the header has " + width);
      }
      for (int j = 0; j < at.length; j++) {
        out[j].add(parse(fields.get(at[j]), name, row, used.get(j)));
      }
    }
    return Arrays.stream(out).map(Column::values).toArray(double[][]::new);
  }

  private static double parse(String text, String name, int row, String column) {
    String where = name + " row " + row + ", column " + column + ": ";
    if (text.isEmpty()) {
      throw Failures.invalidData(where + "the value is empty");
    }
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw Failures.invalidData(where + "'" + text + "' is not a number");
    }
    if (!Double.isFinite(value)) {
      throw Failures.invalidData(where + "'" + text + "' is not a finite number");
    }
    return value;
  }

  /** A growable array of doubles: datasets are read once, without boxing each value. */
  private static final class Column {
    private double[] values = new double[1024];
    private int size;

    void add(double value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    double[] values() {
      return Arrays.copyOf(values, size);
    }
  }
}
