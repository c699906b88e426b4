package dev.tollgate.activities.data;

import dev.tollgate.activities.Echo;
import dev.tollgate.activities.Failures;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Parses the data lines of one {@link CsvBlocks.Block} into a {@link CsvChunk}: any thread, any
 * block, each on its own. Checks each line as the line-by-line reader did, in its order: its
 * length, that its text is UTF-8 (only a line with a byte that is not ASCII is decoded), that it is
 * not blank (skipped), its number of fields, then the used columns in the table's order. Stops at
 * the first problem, which the chunk words once the line's row in the file is known.
 *
 * @param name the file name, for messages
 * @param used the columns filled, in {@link RawTable#all()} order
 * @param at each used column's field in a line
 * @param width the header's number of fields
 * @param time the used column holding timestamps, or -1
 * @param maxRows rows enough: no block needs more
 */
record CsvBlockParser(
    String name, List<RawColumn> used, int[] at, int width, int time, int maxRows) {

  /**
   * What the UTF-8 decoder puts where bytes are not UTF-8 (a Latin-1 or Windows-1252 export):
   * refused at its row rather than read as a category or a number that is not one.
   */
  static final char NOT_UTF8 = '\uFFFD';

  /** Parses {@code block} into {@code spare} (a chunk of this file, appended) or a new chunk. */
  CsvChunk parse(CsvBlocks.Block block, CsvChunk spare) {
    CsvChunk chunk = spare != null ? spare.reset() : new CsvChunk(used, capacity(block));
    CsvFields fields = new CsvFields();
    fields.parseNumbers(numberFields());
    boolean[] numbers = new boolean[at.length]; // the number columns, timestamps not
    for (int j = 0; j < at.length; j++) numbers[j] = !used.get(j).categorical && j != time;
    byte[] bytes = block.bytes();
    int to = block.to();
    int i = block.from();
    int line = 0;
    while (i < to && chunk.rows < maxRows) {
      int next = line(bytes, i, to, ++line, fields, chunk, numbers);
      i = next < 0 ? -next : next;
      if (next < 0) break;
    }
    chunk.lines = line;
    chunk.bytes = Math.min(i, to) - block.from();
    chunk.block = bytes;
    return chunk;
  }

  /** Rows the block may hold, judged by its first line: the chunk grows if it holds more. */
  private int capacity(CsvBlocks.Block block) {
    byte[] bytes = block.bytes();
    int end = block.from();
    while (end < block.to() && bytes[end] != '\n') end++;
    long rows = (long) (block.to() - block.from()) * 11 / (10L * (end - block.from() + 1)) + 16;
    return (int) Math.min(Math.min(rows, maxRows), 1 << 16);
  }

  /** The fields read as numbers only: those of the number columns, timestamps not. */
  private boolean[] numberFields() {
    boolean[] numbers = new boolean[width];
    for (int j = 0; j < at.length; j++) {
      if (!used.get(j).categorical && j != time) numbers[at[j]] = true;
    }
    for (int j = 0; j < at.length; j++) {
      if (used.get(j).categorical || j == time) numbers[at[j]] = false;
    }
    return numbers;
  }

  /**
   * Reads the line at {@code start}, the block's line {@code line}, into the chunk; returns where
   * the next line starts, negated after refusing this one. A method of its own, called for every
   * line, so that the JIT compiles it early in a first load, not after thousands of lines.
   */
  private int line(
      byte[] bytes,
      int start,
      int to,
      int line,
      CsvFields fields,
      CsvChunk chunk,
      boolean[] numbers) {
    int end = fields.split(bytes, start, to);
    // past the line's end: \r\n is one
    int next =
        end < to && bytes[end] == '\r' && end + 1 < to && bytes[end + 1] == '\n'
            ? end + 2
            : end + 1;
    if (end - start > CsvBlocks.MAX_LINE) {
      chunk.refuse(line, row -> tooLong(name, row));
      return -next;
    }
    if (!fields.ascii()) {
      String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
      if (text.indexOf(NOT_UTF8) >= 0) {
        chunk.refuse(line, row -> notUtf8(name, row));
        return -next;
      }
      if (text.isBlank()) return next;
    } else if (isBlank(bytes, start, end)) {
      return next;
    }
    if (fields.size() != width) {
      int size = fields.size();
      chunk.refuse(
          line,
          row ->
              Failures.invalidData(
                  name + " row " + row + " has " + size + " fields, the header has " + width));
      return -next;
    }
    chunk.reserve();
    if (!values(fields, chunk, line, numbers)) return -next;
    chunk.addRow(line);
    return next;
  }

  /** The used values of one line into the chunk's next row; false after refusing one. */
  private boolean values(CsvFields fields, CsvChunk chunk, int line, boolean[] numbers) {
    int r = chunk.rows;
    for (int j = 0; j < at.length; j++) {
      int f = at[j];
      if (numbers[j] && fields.parsed(f)) {
        chunk.numbers[j][r] = fields.value(f); // a plain decimal: neither missing nor infinite
        continue;
      }
      RawColumn column = used.get(j);
      boolean missing = fields.isMissing(f, column.categorical);
      if (column.categorical) {
        if (missing) chunk.missing[j]++;
        chunk.texts[j][r] = missing ? null : fields.text(f);
        continue;
      }
      if (missing) {
        chunk.missing[j]++;
        chunk.numbers[j][r] = Double.NaN;
        continue;
      }
      String problem =
          j == time ? timestamp(fields, f, chunk, j, r) : number(fields, f, chunk, j, r);
      if (problem != null) {
        String prefix = column.name;
        chunk.refuse(line, row -> Failures.invalidData(CsvReader.at(name, row, prefix) + problem));
        return false;
      }
    }
    return true;
  }

  /** Sets the value; returns what is wrong with it instead, or null. */
  private static String number(CsvFields fields, int f, CsvChunk chunk, int j, int r) {
    double value;
    try {
      value = fields.number(f);
    } catch (NumberFormatException e) {
      return Echo.value(fields.text(f)) + " is not a number";
    }
    if (!Double.isFinite(value)) return Echo.value(fields.text(f)) + " is not a finite number";
    chunk.numbers[j][r] = value;
    return null;
  }

  private static String timestamp(CsvFields fields, int f, CsvChunk chunk, int j, int r) {
    try {
      chunk.numbers[j][r] = Timestamps.parse(fields.text(f));
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** {@link String#isBlank()} of an ASCII line: only the characters Java counts as whitespace. */
  private static boolean isBlank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      byte c = bytes[i];
      if (c != ' ' && (c < '\t' || c > '\r') && (c < 0x1c || c > 0x1f)) return false;
    }
    return true;
  }

  static RuntimeException notUtf8(String name, int row) {
    return Failures.invalidData(
        name
            + " row "
            + row
            + " holds bytes that are not UTF-8 text (a Latin-1 or Windows-1252 export?): save"
            + " the file as UTF-8");
  }

  static RuntimeException tooLong(String name, int row) {
    return Failures.invalidData(
        String.format(
            java.util.Locale.ROOT,
            "%s row %d is longer than %,d characters: not a CSV line a stage can hold (a file"
                + " that is not the CSV its spec names, or one field holding a whole export?)",
            name,
            row,
            CsvBlocks.MAX_LINE));
  }
}
