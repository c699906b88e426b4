package dev.tollgate.activities.data;

import dev.tollgate.activities.Failures;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.Task;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.ZipException;

/**
 * The first rows of a dataset read as a load reads them — the file opened under the same limits,
 * the header's columns located, each used value typed, {@code data.missing} applied — without
 * reading the rest: what {@code tollgate check} can say about the data before any run. A problem is
 * the load's own {@code INVALID_DATA} failure with the load's own message, so the check and the run
 * never word one problem two ways.
 */
final class DatasetHead {
  private DatasetHead() {}

  /** The number of data rows read (at most {@code rows}); throws what the load would. */
  static int check(DatasetFiles files, DataSpec spec, Task task, int rows) {
    boolean labels = task == Task.CLASSIFICATION;
    try (DatasetFiles.Local local = files.open(spec.train(), spec.byteLimit(), spec.dataFormat());
        TableInput in = TableInput.open(local, spec.train(), spec.format())) {
      RawTable table =
          RawTable.plan(
              in.name(),
              spec.features(),
              spec.categorical(),
              spec.target(),
              labels,
              spec.timestamp());
      in.read(table, read -> {}, rows);
      MissingValues.apply(table, spec.missing());
      return table.rows();
    } catch (ZipException | EOFException e) {
      throw Failures.invalidData(spec.train() + " is not a complete gzip file: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + spec.train(), e);
    }
  }
}
