package dev.tollgate.activities.data;

import dev.tollgate.activities.Echo;
import dev.tollgate.activities.Failures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Streams a CSV into a {@link RawTable}: a few blocks of its lines in memory at a time ({@link
 * CsvBlocks}), parsed on every core ({@link CsvBlockParser}), only the used columns parsed.
 * Problems of a single value are refused here, naming the file, the row (the line of the file,
 * header included, as an editor or a spreadsheet numbers it) and the column; missing values are
 * only counted, for the policy to decide. A message quotes the file through {@link Echo} only: a
 * few names or one value, each cut short, never a whole header or line (a file that is not a CSV,
 * such as a process's environment, would otherwise become the message).
 */
final class CsvReader {
  static final int PROGRESS_EVERY = 1 << 16;

  /** Blocks read ahead of the one being appended: what bounds the memory beyond the columns. */
  private static final int AHEAD = CsvWorkers.THREADS + 2;

  private CsvReader() {}

  /**
   * Fills {@code table} from the file's data rows, at most {@code maxRows} of them: the header on
   * this thread, then each block of lines parsed on {@link CsvWorkers} while the next is read, and
   * the blocks appended here in file order, so rows keep their numbers and the first problem in the
   * file is the one refused.
   */
  static void read(DatasetInput in, RawTable table, IntConsumer progress, int maxRows)
      throws IOException {
    String name = table.source();
    CsvBlocks blocks = new CsvBlocks(in.text(), in::hash);
    CsvBlocks.Block first = blocks.next();
    CsvBlockParser parser = header(first, name, table, maxRows);
    List<RawColumn> used = table.all();
    ArrayDeque<Future<CsvChunk>> ahead = new ArrayDeque<>();
    ArrayDeque<CsvChunk> spare = new ArrayDeque<>(); // appended: their arrays parse another block
    int linesBefore = 1; // the header
    try {
      CsvBlocks.Block block = afterHeader(first);
      if (block == null) block = next(blocks, ahead);
      while (true) {
        while (block != null && ahead.size() < AHEAD) {
          CsvBlocks.Block parsed = block;
          CsvChunk chunk = spare.poll();
          ahead.add(CsvWorkers.submit(() -> parser.parse(parsed, chunk)));
          block = next(blocks, ahead);
        }
        if (ahead.isEmpty()) break;
        CsvChunk chunk = CsvWorkers.get(ahead.removeFirst());
        int before = table.rows();
        chunk.appendTo(used, linesBefore, maxRows - before);
        if (linesBefore == 1) reserve(used, in.storedSize(), chunk, maxRows);
        linesBefore += chunk.lines;
        blocks.recycle(chunk.block);
        if (chunk.numbers.length == used.size()) spare.add(chunk); // not a failure's
        tellProgress(progress, before, table.rows());
        if (table.rows() >= maxRows) break;
      }
    } finally {
      ahead.forEach(f -> f.cancel(false));
    }
    if (table.rows() == 0) {
      throw Failures.invalidData(name + " has a header but no data rows");
    }
    progress.accept(table.rows());
  }

  /**
   * The next block, or null at the end; what stops the reading (an I/O error, the size limit) is
   * queued behind the blocks read before it, so a problem in an earlier row is still refused first.
   */
  private static CsvBlocks.Block next(CsvBlocks blocks, ArrayDeque<Future<CsvChunk>> ahead) {
    try {
      return blocks.next();
    } catch (IOException | RuntimeException e) {
      ahead.add(CompletableFuture.completedFuture(CsvChunk.failed(e)));
      return null;
    }
  }

  /**
   * Sizes the columns for the rows a plain file of {@code size} bytes holds if its lines are as
   * long as those of its first block (2 % more), so they are not copied over and over as they grow.
   */
  private static void reserve(List<RawColumn> used, long size, CsvChunk first, int maxRows) {
    if (size <= 0 || first.lines == 0 || first.bytes == 0) return;
    double bytesPerLine = Math.max(2.0, (double) first.bytes / first.lines);
    long rows = Math.min((long) (size / bytesPerLine * 1.02) + 16, Math.min(maxRows, 1L << 28));
    used.forEach(c -> c.reserve((int) rows));
  }

  private static void tellProgress(IntConsumer progress, int before, int after) {
    for (int at = (before / PROGRESS_EVERY + 1) * PROGRESS_EVERY;
        at <= after;
        at += PROGRESS_EVERY) {
      progress.accept(at);
    }
  }

  /** Reads the header line, checks it against the table's columns, plans the blocks' parsing. */
  private static CsvBlockParser header(
      CsvBlocks.Block first, String name, RawTable table, int maxRows) {
    String header = first == null ? null : headerText(first, name);
    if (header == null || header.isBlank()) {
      throw Failures.invalidData(name + " is empty: expected a header line naming the columns");
    }
    if (header.indexOf(CsvBlockParser.NOT_UTF8) >= 0) throw CsvBlockParser.notUtf8(name, 1);
    CsvLine fields = new CsvLine();
    int width = fields.split(header.replace("\uFEFF", ""));
    refuseRepeatedNames(name, fields.all());
    List<RawColumn> used = table.all();
    int[] at = locate(name, fields.all(), used);
    return new CsvBlockParser(name, used, at, width, used.indexOf(table.time()), maxRows);
  }

  private static int headerEnd(CsvBlocks.Block block) {
    byte[] bytes = block.bytes();
    int i = block.from();
    while (i < block.to() && bytes[i] != '\n' && bytes[i] != '\r') i++;
    return i;
  }

  private static String headerText(CsvBlocks.Block block, String name) {
    int end = headerEnd(block);
    if (end - block.from() > CsvBlocks.MAX_LINE) throw CsvBlockParser.tooLong(name, 1);
    return new String(block.bytes(), block.from(), end - block.from(), StandardCharsets.UTF_8);
  }

  /** The first block without its header line, or null when nothing follows it. */
  private static CsvBlocks.Block afterHeader(CsvBlocks.Block first) {
    byte[] bytes = first.bytes();
    int end = headerEnd(first);
    int next =
        end < first.to() && bytes[end] == '\r' && end + 1 < first.to() && bytes[end + 1] == '\n'
            ? end + 2
            : end + 1;
    return next >= first.to() ? null : new CsvBlocks.Block(bytes, next, first.to());
  }

  /**
   * Two columns with one name make "the column bmi" mean whichever comes first, silently: refused,
   * naming each repeated name with its positions (1 = the first column), whether the spec uses it
   * or not. Blank names (a trailing comma, a pandas index) are not names and may repeat.
   */
  private static void refuseRepeatedNames(String name, List<String> header) {
    java.util.Map<String, List<Integer>> positions = new java.util.LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String column = header.get(i).strip();
      if (!column.isEmpty()) {
        positions.computeIfAbsent(column, c -> new java.util.ArrayList<>()).add(i + 1);
      }
    }
    List<String> repeated =
        positions.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .limit(Echo.MAX_NAMES)
            .map(e -> Echo.value(e.getKey()) + " (columns " + join(e.getValue()) + ")")
            .toList();
    if (!repeated.isEmpty()) {
      throw Failures.invalidData(
          name
              + " header repeats "
              + (repeated.size() == 1 ? "the column name " : "the column names ")
              + String.join(", ", repeated)
              + "; every column needs a name of its own");
    }
  }

  private static String join(List<Integer> positions) {
    List<String> texts = positions.stream().limit(5).map(String::valueOf).toList();
    if (positions.size() > texts.size()) {
      return String.join(", ", texts) + " and " + (positions.size() - texts.size()) + " more";
    }
    int last = texts.size() - 1;
    return String.join(", ", texts.subList(0, last)) + " and " + texts.get(last);
  }

  /**
   * Index of each used column in the header; every missing one is named at once (they are the
   * spec's names). Of the header only its width and its first few names are quoted, each cut short.
   */
  private static int[] locate(String name, List<String> header, List<RawColumn> used) {
    List<String> missing =
        used.stream().map(c -> c.name).filter(c -> !header.contains(c)).distinct().toList();
    if (!missing.isEmpty()) {
      throw Failures.invalidData(
          name
              + " has no column "
              + String.join(", ", missing.stream().map(Echo::value).toList())
              + " (its header has "
              + header.size()
              + (header.size() == 1 ? " column: " : " columns: ")
              + Echo.names(header)
              + ")");
    }
    return used.stream().mapToInt(c -> header.indexOf(c.name)).toArray();
  }

  static String at(String name, int row, String column) {
    return name + " row " + row + ", column " + column + ": ";
  }
}
