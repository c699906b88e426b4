package dev.tollgate.activities.data;

import java.io.IOException;
import java.util.function.IntConsumer;

/** A CSV file, plain or gzip, as a {@link TableInput}: {@link CsvReader} over its lines. */
final class CsvInput implements TableInput {
  private final DatasetInput in;

  private CsvInput(DatasetInput in) {
    this.in = in;
  }

  /** Opens the local copy of {@code uri} that {@link DatasetFiles} checked. */
  static CsvInput open(DatasetFiles.Local local, String uri) {
    return new CsvInput(DatasetInput.open(local, uri));
  }

  @Override
  public String name() {
    return in.name;
  }

  @Override
  public void read(RawTable table, IntConsumer progress, int maxRows) throws IOException {
    CsvReader.read(in, table, progress, maxRows);
  }

  @Override
  public String sha256() throws IOException {
    return in.sha256();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
