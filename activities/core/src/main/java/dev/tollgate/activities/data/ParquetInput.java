package dev.tollgate.activities.data;

import dev.hardwood.HardwoodContext;
import dev.hardwood.metadata.PhysicalType;
import dev.hardwood.reader.ColumnReader;
import dev.hardwood.reader.ColumnReaders;
import dev.hardwood.schema.ColumnProjection;
import dev.hardwood.schema.ColumnSchema;
import dev.tollgate.activities.Failures;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.IntConsumer;

/**
 * A Parquet dataset as a {@link TableInput}: one file, or a folder's part files read one after the
 * other as one table (in name order). Only the used columns are read. Before a row is read every
 * part's schema is checked ({@link ParquetSchema}): each used column present, flat, of a type its
 * use accepts ({@link ParquetTypes}), and of one type in every part. A message names the file (a
 * folder's part as {@code folder/part.parquet}), the row (the data row, from 1, over the whole
 * file: Parquet has no header line) and the column. The digest is the file's SHA-256; a folder's is
 * {@link ParquetDigest}'s over its parts. A read of every row hashes the files on a thread of its
 * own while they are decoded ({@link ParquetDigest#start}); a read of the first rows only (a
 * dataset's head, a sample) leaves the hash to {@link #sha256}, which few such callers want. Each
 * part's footer is read once: the reader that checked it reads its rows. Each column is sized once
 * from the footers' row counts (bounded by the bytes on disk, so a footer that claims more rows
 * than its file holds allocates nothing for them), and a double column read in one batch keeps that
 * batch's array ({@link #batches}).
 */
final class ParquetInput implements TableInput {
  private static final int EVERY = CsvReader.PROGRESS_EVERY;
  // the largest part read in one batch a column: progress is told at least every 4M rows (a
  // second or so of decoding)
  private static final long WHOLE_BATCH = 1L << 22;

  private final String name;
  private final List<Path> parts;
  private final boolean folder;
  private final boolean downloaded; // an S3 copy: its digest is never kept (DataDigestCache)
  private FutureTask<String> digest; // started by a read of every row, else by sha256()

  private ParquetInput(String name, List<Path> parts, boolean folder, boolean downloaded) {
    this.name = name;
    this.parts = parts;
    this.folder = folder;
    this.downloaded = downloaded;
  }

  /** Opens the local copy of a Parquet file or folder that {@link DatasetFiles} checked. */
  static ParquetInput open(DatasetFiles.Local local) {
    boolean downloaded = local.downloadedInto() != null;
    if (local.parts().isEmpty()) {
      String file = local.path().getFileName().toString();
      return new ParquetInput(file, List.of(local.path()), false, downloaded);
    }
    return new ParquetInput(local.path().getFileName() + "/", local.parts(), true, downloaded);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void read(RawTable table, IntConsumer progress, int maxRows) throws IOException {
    List<RawColumn> used = table.all();
    RawColumn[] columns = used.toArray(RawColumn[]::new);
    // a load of every row: hashing starts with the footers' checks (a refused file stops it)
    if (maxRows == Integer.MAX_VALUE && digest == null)
      digest = ParquetDigest.start(parts, folder, downloaded);
    // one pool of decoding threads for the whole read, footers included. Each part's reader is
    // opened once, by its check, and reads the part's rows once every part is checked.
    try (HardwoodContext context = HardwoodContext.create()) {
      List<ParquetSchema> schemas = new ArrayList<>();
      try {
        for (Path part : parts) {
          schemas.add(
              ParquetSchema.check(
                  part, partName(part), used, table.time(), table.target(), context));
        }
        ParquetSchema.requireSameTypes(schemas);
        long rows = schemas.stream().mapToLong(ParquetSchema::rows).sum();
        if (rows <= maxRows && digest == null)
          digest = ParquetDigest.start(parts, folder, downloaded);
        reserve(columns, Math.min(rows, maxRows), schemas);
        for (int p = 0; p < parts.size() && table.rows() < maxRows; p++) {
          try (ParquetSchema schema = schemas.get(p)) { // a part read is released at once
            readPart(schema, columns, table, progress, maxRows);
          }
        }
      } finally {
        schemas.forEach(
            ParquetSchema::close); // the rest: refused, or past maxRows (closing twice is harmless)
      }
    }
    if (table.rows() == 0) {
      throw Failures.invalidData(
          name
              + (folder ? "'s part files have" : " has")
              + " columns but no data rows (0 rows in "
              + (folder ? parts.size() + " part files" : "the file")
              + ")");
    }
    progress.accept(table.rows());
  }

  private void readPart(
      ParquetSchema schema,
      RawColumn[] columns,
      RawTable table,
      IntConsumer progress,
      int maxRows) {
    String file = schema.file();
    String missingIn = folder ? file : null;
    int row = 0; // rows of this file read so far
    try (ColumnReaders batches = batches(schema, maxRows)) {
      ColumnReader[] in = new ColumnReader[columns.length];
      for (int j = 0; j < in.length; j++) in[j] = batches.getColumnReader(schema.names()[j]);
      while (table.rows() < maxRows && batches.nextBatch()) {
        int before = table.rows();
        int count = Math.min(batches.getRecordCount(), maxRows - before);
        for (int j = 0; j < in.length; j++) {
          ParquetBatches.add(
              in[j],
              count,
              columns[j],
              schema.types()[j],
              schema.columns()[j],
              file,
              missingIn,
              row + 1);
        }
        row += count;
        // told at each multiple of PROGRESS_EVERY the batch passed, as the CSV reader tells it
        for (int m = (before / EVERY + 1) * EVERY; m <= before + count; m += EVERY) {
          progress.accept(m);
        }
      }
    } catch (ApplicationFailure refused) {
      throw refused;
    } catch (RuntimeException e) {
      throw ParquetSchema.damaged(file, "after row " + row, e);
    }
  }

  /**
   * The part's column readers. A read of every row of a part of numeric columns and at most {@link
   * #WHOLE_BATCH} rows (and no more rows than bytes on disk, as {@link #reserve}) takes each column
   * in one batch, not in Hardwood's batches of 6 MB across the columns: a double column's batch
   * then becomes the column itself ({@link RawColumn#adoptFinite}: Hardwood allocates each batch's
   * arrays afresh and hands them over) instead of being copied, batch by batch, into an array of
   * its own. Hardwood's batches stay for text columns (a part's strings at once would be a large
   * transient peak), for larger parts (its queue of batches ahead of the reader would hold several
   * large ones) and for a read of the first rows (which decodes no more than the rows asked for).
   */
  private static ColumnReaders batches(ParquetSchema schema, int maxRows) {
    ColumnProjection used = ColumnProjection.columns(schema.names());
    long rows = schema.rows();
    boolean whole = rows > 0 && rows <= maxRows && rows <= WHOLE_BATCH && rows <= schema.bytes();
    for (ColumnSchema column : schema.columns()) {
      PhysicalType type = column.type();
      whole &=
          type != PhysicalType.BYTE_ARRAY
              && type != PhysicalType.FIXED_LEN_BYTE_ARRAY
              && type != PhysicalType.INT96;
    }
    if (!whole) return schema.reader().columnReaders(used);
    return schema.reader().buildColumnReaders(used).batchSize((int) rows).build();
  }

  /**
   * Room for {@code rows} values in each column, so that a large file's columns are not copied as
   * they grow; at most one row a byte on disk (a plain column holds eight bytes a row) and 2^28.
   * The sizes are the checks' own: no file is asked again.
   */
  private static void reserve(RawColumn[] columns, long rows, List<ParquetSchema> parts) {
    long bytes = parts.stream().mapToLong(ParquetSchema::bytes).sum();
    int room = (int) Math.min(Math.min(rows, bytes), 1L << 28);
    for (RawColumn column : columns) column.reserve(room);
  }

  private String partName(Path part) {
    return folder ? name + part.getFileName() : name;
  }

  @Override
  public String sha256() throws IOException {
    if (digest == null) { // a read of the first rows only: hashed now, when it is asked for
      return folder
          ? ParquetDigest.folder(parts, downloaded)
          : ParquetDigest.file(parts.getFirst(), downloaded);
    }
    try {
      return digest.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while hashing " + name);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      if (e.getCause() instanceof RuntimeException failure) throw failure;
      throw new IllegalStateException("hashing " + name + " failed", e.getCause());
    }
  }

  @Override
  public void close() {
    // every reader is closed by read itself; the files are DatasetFiles.Local's to remove. A hash
    // nobody asked for (the read refused the file) stops at its next block.
    if (digest != null) digest.cancel(true);
  }
}
