package dev.tollgate.activities.data;

import dev.tollgate.activities.Failures;
import dev.tollgate.spec.DataFormat;
import java.io.IOException;
import java.util.function.IntConsumer;

/**
 * One dataset opened for reading, whatever its format: what the loader, the head check and the
 * sample read rows through. An implementation fills a {@link RawTable}'s columns from the data
 * rows, refusing a bad value with a message naming the file, the row and the column, and hashes the
 * stored bytes as it reads them, so the data digest is the file's whoever reads it.
 */
interface TableInput extends AutoCloseable {

  /** The dataset's name for messages: its file (or folder) name, never the full path. */
  String name();

  /**
   * Fills {@code table}'s columns with at most {@code maxRows} data rows, telling {@code progress}
   * the rows read every {@link CsvReader#PROGRESS_EVERY} and at the end. A file without data rows,
   * a used column it lacks, or a value not of its column's type is an {@code INVALID_DATA} failure.
   */
  void read(RawTable table, IntConsumer progress, int maxRows) throws IOException;

  /** SHA-256 of the stored bytes (the whole dataset, however many rows were read). */
  String sha256() throws IOException;

  @Override
  void close() throws IOException;

  /** Opens the local copy of {@code uri} that {@link DatasetFiles} checked; its name decides. */
  static TableInput open(DatasetFiles.Local local, String uri) {
    return open(local, uri, null);
  }

  /**
   * Opens the local copy of {@code uri} in {@code format} ({@code data.format}; {@code null}: the
   * URI's name decides, {@link DataFormat#of}). A folder of part files is Parquet whatever its
   * name.
   */
  static TableInput open(DatasetFiles.Local local, String uri, DataFormat format) {
    boolean folder = !local.parts().isEmpty();
    if (folder && format == DataFormat.CSV) {
      throw Failures.invalidData(
          "dataset "
              + uri
              + " is a folder, read as Parquet part files only; data.format: csv names one file");
    }
    return folder || DataFormat.of(format, uri) == DataFormat.PARQUET
        ? ParquetInput.open(local)
        : CsvInput.open(local, uri);
  }
}
