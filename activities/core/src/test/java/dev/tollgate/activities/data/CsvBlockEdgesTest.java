package dev.tollgate.activities.data;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.artifacts.Digests;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.MissingPolicy;
import dev.tollgate.spec.Task;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader reads a file in blocks of {@link CsvBlocks#BLOCK} bytes parsed on several threads:
 * what sits on a block's edge (a row, a {@code \r\n}, a character of several bytes) reads as it
 * does anywhere else, and a problem after the first block is named by its row in the file.
 */
class CsvBlockEdgesTest {
  private static final String HEADER = "x1,x2,y\n";

  @TempDir Path dir;
  private final DatasetLoader loader = new DatasetLoader();

  /**
   * The header and rows {@code i,2i.5,3i} (i = 1, 2, ...) of varied length, {@code bytes} in all.
   */
  private static ByteArrayOutputStream rowsUpTo(int bytes) {
    return rowsUpTo(bytes, i -> i + "," + (2 * i) + ".5," + (3 * i) + "\n", "0,0,0");
  }

  /** The header, {@code row(1), row(2), ...} and {@code last} padded with spaces: {@code bytes}. */
  private static ByteArrayOutputStream rowsUpTo(
      int bytes, java.util.function.IntFunction<String> row, String last) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(HEADER.getBytes(StandardCharsets.US_ASCII));
    for (int i = 1; ; i++) {
      String line = row.apply(i);
      if (out.size() + line.length() + last.length() + 3 > bytes) break;
      out.writeBytes(line.getBytes(StandardCharsets.US_ASCII));
    }
    String pad = last + " ".repeat(bytes - out.size() - last.length() - 1) + "\n"; // trimmed
    out.writeBytes(pad.getBytes(StandardCharsets.US_ASCII));
    assertThat(out.size()).isEqualTo(bytes);
    return out;
  }

  private static int lines(ByteArrayOutputStream out) {
    return (int) out.toString(StandardCharsets.ISO_8859_1).chars().filter(c -> c == '\n').count();
  }

  private Path write(ByteArrayOutputStream out, String tail) throws IOException {
    out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
    return Files.write(dir.resolve("load.csv"), out.toByteArray());
  }

  private static DataSpec spec(Path file) {
    return new DataSpec(file.toUri().toString(), "y", List.of("x1", "x2"), 1, null);
  }

  private String refusal(DataSpec spec) {
    return businessFailure(() -> loader.load(spec), FailureTypes.INVALID_DATA).getOriginalMessage();
  }

  @Test
  void rowsCutAcrossBlocksAreReadWholeInOrderAndTheFileHashedAsStored() throws IOException {
    Path file = write(rowsUpTo(5 * CsvBlocks.BLOCK + 12_345), "7,8,9");
    Dataset data = loader.load(spec(file));
    double[] y = data.y();
    int rows = y.length;
    for (int i = 1; i < rows - 1; i++) {
      if (y[i - 1] == 0) continue; // the padding row
      assertThat(y[i - 1]).as("y of data row %d", i).isEqualTo(3.0 * i);
      assertThat(data.columns()[1][i - 1]).as("x2 of data row %d", i).isEqualTo(2 * i + 0.5);
    }
    assertThat(y[rows - 1]).as("a last line without a newline").isEqualTo(9);
    assertThat(data.sha256()).isEqualTo(Digests.sha256(file));
  }

  @Test
  void aBadValueInALaterBlockIsNamedByItsRowInTheFile() throws IOException {
    ByteArrayOutputStream out = rowsUpTo(3 * CsvBlocks.BLOCK + 100);
    int row = lines(out) + 2;
    Path file = write(out, "1,2,3\n4,abc,6\n7,8,9\n");
    assertThat(refusal(spec(file)))
        .isEqualTo("load.csv row " + row + ", column x2: 'abc' is not a number");
  }

  @Test
  void aMissingValueInALaterBlockIsNamedByItsRow() throws IOException {
    ByteArrayOutputStream out = rowsUpTo(2 * CsvBlocks.BLOCK + 3);
    int row = lines(out) + 1;
    Path file = write(out, "4,,6\n");
    assertThat(refusal(spec(file)))
        .isEqualTo(
            "load.csv row "
                + row
                + ", column x2: the value is missing (data.missing is fail; drop_rows or impute"
                + " accept it)");
  }

  @Test
  void aCrLfOnTheBlockEdgeIsOneLineEnd() throws IOException {
    // \r is the first block's last byte, its \n the second block's first
    ByteArrayOutputStream out = rowsUpTo(CsvBlocks.BLOCK - 6);
    out.writeBytes("1,2,3\r\n".getBytes(StandardCharsets.US_ASCII));
    int row = lines(out) + 2;
    Path file = write(out, "4,5,6\r\n7,bad,9\r\n");
    assertThat(refusal(spec(file)))
        .isEqualTo("load.csv row " + row + ", column x2: 'bad' is not a number");
  }

  @Test
  void aLoneCrOnTheBlockEdgeEndsALineToo() throws IOException {
    ByteArrayOutputStream out = rowsUpTo(CsvBlocks.BLOCK - 6);
    out.writeBytes("1,2,3\r".getBytes(StandardCharsets.US_ASCII)); // \r: the first block's last
    int row = lines(out) + 3; // the lone \r ended a line that lines() does not count
    Path file = write(out, "4,5,6\r7,bad,9\n");
    assertThat(refusal(spec(file)))
        .isEqualTo("load.csv row " + row + ", column x2: 'bad' is not a number");
  }

  @Test
  void aCharacterOfSeveralBytesOnTheBlockEdgeIsOneCategory() throws IOException {
    ByteArrayOutputStream out =
        rowsUpTo(CsvBlocks.BLOCK - 6, i -> i + ",2," + (i % 2 == 0 ? "a" : "b") + "\n", "0,0,a");
    // "1,2,Z" then ü: its two bytes are the first block's last byte and the second's first
    Path file = write(out, "1,2,Zürich\n3,4,Genève\n5,6,Zürich\n");
    DataSpec spec =
        new DataSpec(
            file.toUri().toString(),
            "x2",
            List.of("x1", "y"),
            1,
            null,
            List.of("y"),
            null,
            MissingPolicy.FAIL);
    Dataset data = loader.load(spec, Task.REGRESSION);
    assertThat(data.features()).contains("y=Zürich", "y=Genève");
    int zurich = data.features().indexOf("y=Zürich");
    double[] column = data.columns()[zurich];
    assertThat(column[column.length - 3]).isEqualTo(1);
    assertThat(column[column.length - 2]).isEqualTo(0);
    assertThat(column[column.length - 1]).isEqualTo(1);
  }

  @Test
  void bytesThatAreNotUtf8InALaterBlockAreNamedByTheirRow() throws IOException {
    ByteArrayOutputStream out = rowsUpTo(2 * CsvBlocks.BLOCK + 77);
    int row = lines(out) + 2;
    out.writeBytes("1,2,3\n4,5,6 \u0000".getBytes(StandardCharsets.US_ASCII));
    out.write(0xfc); // ü in Latin-1
    Path file = write(out, "\n7,8,9\n");
    assertThat(refusal(spec(file)))
        .isEqualTo(
            "load.csv row "
                + row
                + " holds bytes that are not UTF-8 text (a Latin-1 or Windows-1252 export?): save"
                + " the file as UTF-8");
  }

  @Test
  void aTooLongLineInALaterBlockIsNamedByItsRow() throws IOException {
    ByteArrayOutputStream out = rowsUpTo(CsvBlocks.BLOCK + 1000);
    int row = lines(out) + 1;
    Path file = write(out, "1," + "2".repeat(CsvBlocks.MAX_LINE) + ",3\n4,5,6\n");
    assertThat(refusal(spec(file)))
        .startsWith("load.csv row " + row + " is longer than 1,048,576 characters");
  }

  @Test
  void aQuotedNewlineEndsTheRowAsBeforeSoBlocksMayBeCutAtAnyNewline() throws IOException {
    // Fields never span lines (CsvLine): the quote is left open and the line is the row.
    Path file = Files.writeString(dir.resolve("load.csv"), "x1,note,x2,y\n1,\"two\nlines\",2,3\n");
    assertThat(refusal(spec(file))).isEqualTo("load.csv row 2 has 2 fields, the header has 4");
  }

  @Test
  void aByteOrderMarkCrLfAndBlankLinesReadAsBefore() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("load.csv"), "\uFEFFx1,x2,y\r\n1,2,3\r\n \t\r\n\r\n4,5,6\r\n7,x,9\r\n");
    assertThat(refusal(spec(file))).isEqualTo("load.csv row 6, column x2: 'x' is not a number");
  }

  @Test
  void aRowLimitStopsInALaterBlockAndStillHashesTheWholeFile() throws IOException {
    ByteArrayOutputStream out = rowsUpTo(3 * CsvBlocks.BLOCK + 50);
    int rows = lines(out) - 1;
    Path file = write(out, "1,2,3\nbad,row,here\n");
    Dataset data = loader.load(spec(file).withRowLimit((long) rows + 1));
    assertThat(data.rows()).isEqualTo(rows + 1);
    assertThat(data.y()[rows]).isEqualTo(3);
    assertThat(data.sha256()).isEqualTo(Digests.sha256(file));
    assertThat(loader.load(spec(file).withRowLimit(1000L)).rows()).isEqualTo(1000);
  }

  @Test
  void progressIsToldEvery65536RowsAcrossBlocksAndAtTheEnd() throws IOException {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < 2 * CsvReader.PROGRESS_EVERY; i++) {
      csv.append(i).append(",1.000000,2.000000\n");
    }
    Path file = Files.writeString(dir.resolve("load.csv"), csv);
    List<Integer> told = new java.util.ArrayList<>();
    assertThat(Files.size(file)).isGreaterThan(CsvBlocks.BLOCK);
    loader.onProgress(told::add).load(spec(file));
    assertThat(told)
        .containsExactly(
            CsvReader.PROGRESS_EVERY, 2 * CsvReader.PROGRESS_EVERY, 2 * CsvReader.PROGRESS_EVERY);
  }

  @Test
  void aGzipFileIsParsedInTheSameBlocksAndHashedAsStored() throws IOException {
    ByteArrayOutputStream out = rowsUpTo(3 * CsvBlocks.BLOCK + 999);
    int row = lines(out) + 2;
    out.writeBytes("1,2,3\n4,abc,6\n".getBytes(StandardCharsets.US_ASCII));
    Path file = dir.resolve("load.csv.gz");
    try (var gzip = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
      gzip.write(out.toByteArray(), 0, out.size() - "4,abc,6\n".length());
    }
    Dataset data = loader.load(spec(file));
    assertThat(data.rows()).isEqualTo(lines(out) - 2);
    assertThat(data.sha256()).isEqualTo(Digests.sha256(file));
    try (var gzip = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
      out.writeTo(gzip);
    }
    assertThat(refusal(spec(file)))
        .isEqualTo("load.csv.gz row " + row + ", column x2: 'abc' is not a number");
  }

  @Test
  void aLineTooLongIsRefusedWithLittleMemoryOnEveryThread() throws IOException {
    // 100 MB of one field after 100,000 short rows, parsed on a worker thread
    Path file = dir.resolve("load.csv.gz");
    try (var gzip = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
      gzip.write(HEADER.getBytes(StandardCharsets.US_ASCII));
      byte[] rows = "1,2,3\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 10; i++) gzip.write(rows);
      gzip.write("1,".getBytes(StandardCharsets.US_ASCII));
      byte[] zeros = "0".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 1600; i++) gzip.write(zeros);
      gzip.write(",3\n".getBytes(StandardCharsets.US_ASCII));
    }
    var threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getTotalThreadAllocatedBytes();
    String message = refusal(spec(file));
    long allocated = threads.getTotalThreadAllocatedBytes() - before;
    assertThat(message).startsWith("load.csv.gz row 100002 is longer than 1,048,576 characters");
    // the columns of 100,000 rows, a few blocks and their chunks: far less than the line
    assertThat(allocated).as("bytes allocated by every thread").isLessThan(48L << 20);
  }
}
