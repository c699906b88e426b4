package dev.tollgate.activities.data;

import dev.tollgate.activities.Failures;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.Task;
import dev.tollgate.spec.TrainingSpec;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.IntConsumer;
import java.util.zip.ZipException;

/**
 * Loads the columns a spec uses from a CSV file with a header line, plain or gzip, streaming it.
 * Every problem with the file is a non-retryable {@code INVALID_DATA} failure naming the file and,
 * for a bad value, the row and column: "load.csv row 17, column temperature: 'abc' is not a
 * number". Rows are the lines of the file, header included. Blank lines are skipped; columns the
 * spec does not use are not parsed. Order of work: read, apply {@code data.missing}, label classes,
 * split, fit the {@link DataSchema} on the training rows, encode every row with it. A spec with a
 * {@link DataSpec#rowLimit} is read no further than that many data rows (its digest is still the
 * whole file's).
 */
public final class DatasetLoader {
  private static final long MAX_INT = Integer.MAX_VALUE;

  private final DatasetFiles files;
  private final IntConsumer progress;

  /** A loader of {@code file:} datasets only (tests, tools). */
  public DatasetLoader() {
    this(DatasetFiles.localOnly());
  }

  /** A loader of the URIs {@code files} can open ({@code file:}, {@code s3://}). */
  public DatasetLoader(DatasetFiles files) {
    this(files, rows -> {});
  }

  private DatasetLoader(DatasetFiles files, IntConsumer progress) {
    this.files = files;
    this.progress = progress;
  }

  /** A loader telling {@code rowsRead} how many rows it has read, every 65,536 and at the end. */
  public DatasetLoader onProgress(IntConsumer rowsRead) {
    return new DatasetLoader(files, rowsRead);
  }

  /** Enforces {@code data.max_age} on the dataset, wherever it is. */
  public void checkFreshness(DataSpec spec, java.time.Instant now) {
    DataFreshness.check(spec, files, now);
  }

  /**
   * The first {@code limit} complete rows of the spec's file as a client sends them to a served
   * model: the schema's columns, numbers as numbers, categories as text.
   */
  public java.util.List<java.util.Map<String, Object>> sample(
      DataSpec spec, DataSchema schema, int limit) {
    return DatasetSample.rows(files, spec, schema, limit);
  }

  /**
   * Reads only the first {@code rows} data rows of the spec's file as {@link #load} would: the
   * columns present, every used value of its type, {@code data.missing} applied to those rows.
   * Returns how many rows were read; a problem is the load's own {@code INVALID_DATA} failure.
   */
  public int checkHead(DataSpec spec, Task task, int rows) {
    return DatasetHead.check(files, spec, task, rows);
  }

  /** When the dataset was last written (file time or S3 LastModified), or {@code null}. */
  public java.time.Instant lastModified(String uri) {
    return files.lastModified(uri);
  }

  /**
   * Training (and validation, which rebuilds the same holdout): the schema is fitted on the
   * training rows of {@link HoldoutSplit#of(Dataset, TrainingSpec)}. Refuses fewer rows than {@code
   * min_rows}, counted after dropping.
   */
  public Dataset load(DataSpec spec, Task task, TrainingSpec training) {
    return checkSize(spec, read(spec, task, null, training));
  }

  /** The schema fitted on every row: for a dataset that is not split. Checks {@code min_rows}. */
  public Dataset load(DataSpec spec, Task task) {
    return checkSize(spec, read(spec, task, null, null));
  }

  /**
   * Encodes the spec's file with a model's recorded schema (its features, categories and fill
   * values), to score it with that model: validation against the Production model, smoke tests,
   * drift checks. Rows follow the spec's {@code data.missing}; no {@code min_rows} check.
   */
  public Dataset loadWithSchema(DataSpec spec, Task task, DataSchema schema) {
    return read(spec, task, schema, null);
  }

  /**
   * The model inputs only, encoded with a model's recorded schema: newest data for a drift check,
   * which need not have its labels yet. The target column is neither required nor read; the
   * dataset's targets are zeros.
   */
  public Dataset loadInputs(DataSpec spec, DataSchema schema) {
    return read(spec, Task.REGRESSION, schema, null, false);
  }

  /** Regression, schema fitted on every row, {@code min_rows} checked: a numeric table's load. */
  public Dataset load(DataSpec spec) {
    return load(spec, Task.REGRESSION);
  }

  private static Dataset checkSize(DataSpec spec, Dataset data) {
    if (data.rows() < spec.minRows()) {
      int dropped = data.report().rowsDropped();
      throw Failures.invalidData(
          data.source()
              + " has "
              + data.rows()
              + " data rows"
              + (dropped > 0 ? " (" + dropped + " dropped for missing values)" : "")
              + ", min_rows is "
              + spec.minRows());
    }
    return data;
  }

  private Dataset read(DataSpec spec, Task task, DataSchema recorded, TrainingSpec training) {
    return read(spec, task, recorded, training, true);
  }

  private Dataset read(
      DataSpec spec, Task task, DataSchema recorded, TrainingSpec training, boolean withTarget) {
    boolean labels = withTarget && task == Task.CLASSIFICATION;
    String target = withTarget ? spec.target() : null;
    try (DatasetFiles.Local local = files.open(spec.train(), spec.byteLimit(), spec.dataFormat());
        TableInput in = TableInput.open(local, spec.train(), spec.format())) {
      RawTable table =
          recorded == null
              ? RawTable.plan(
                  in.name(), spec.features(), spec.categorical(), target, labels, spec.timestamp())
              : RawTable.plan(
                  in.name(),
                  recorded.names(),
                  recorded.categorical(),
                  target,
                  labels,
                  spec.timestamp());
      // a pull request's check run reads the head of the file only (pull_request.max_rows)
      in.read(
          table,
          progress,
          spec.rowLimit() == null ? Integer.MAX_VALUE : (int) Math.min(spec.rowLimit(), MAX_INT));
      String sha256 = in.sha256();
      int read = table.rows();
      java.util.Map<String, Integer> missing = new java.util.LinkedHashMap<>();
      table.all().forEach(c -> missing.put(c.name, c.missing()));
      int dropped = MissingValues.apply(table, spec.missing());
      ClassLabels classes =
          labels ? ClassLabels.of(table.target(), in.name(), spec.classLimit()) : null;
      long[] times = table.time() == null ? null : toLongs(table.time().numbers());
      DataSchema schema =
          recorded != null
              ? recorded
              : fit(table, times, classes == null ? null : classes.y(), training);
      OneHotEncoder encoded = OneHotEncoder.encode(schema, table);
      return new Dataset(
          in.name(),
          sha256,
          spec.target(),
          schema.inputs(),
          classes != null
              ? classes.y()
              : table.target() == null ? new double[table.rows()] : table.target().numbers(),
          encoded.columns(),
          classes == null ? null : classes.classes(),
          times,
          schema,
          new LoadReport(read, dropped, encoded.imputed(), encoded.unseen(), missing));
    } catch (ZipException | EOFException e) {
      throw Failures.invalidData(spec.train() + " is not a complete gzip file: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + spec.train(), e);
    }
  }

  /** The encoding learnt from the training rows alone: the same split training will use. */
  private static DataSchema fit(
      RawTable table, long[] times, double[] classes, TrainingSpec training) {
    if (training == null) {
      int[] all = java.util.stream.IntStream.range(0, table.rows()).toArray();
      return SchemaFitter.fit(table, all);
    }
    return SchemaFitter.fit(table, HoldoutSplit.of(table.rows(), times, classes, training).train());
  }

  private static long[] toLongs(double[] millis) {
    long[] out = new long[millis.length];
    for (int i = 0; i < out.length; i++) out[i] = (long) millis[i];
    return out;
  }
}
