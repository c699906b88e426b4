package dev.tollgate.activities.data;

import java.io.IOException;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The rows of one {@link CsvBlocks.Block} as parsed, before they join the table: a number column's
 * values ({@code NaN} where missing), a category column's texts ({@code null} where missing), each
 * row's line within the block, and the first problem of the block with its line there. Rows are
 * numbered, and a problem worded, only when the chunk is appended, in file order, when the lines of
 * every block before it are known.
 */
final class CsvChunk {
  final double[][] numbers;
  final String[][] texts;
  final int[] missing;
  private int[] lineOf;
  int rows;

  /** The block's bytes, parsed: free for the next block once the rows are appended. */
  byte[] block;

  /** Bytes of the block parsed. */
  int bytes;

  /** Lines of the block: rows, blank lines and the line of a problem. */
  int lines;

  private int problemLine;
  private IntFunction<RuntimeException> problem;
  private Exception failure;

  CsvChunk(List<RawColumn> used, int capacity) {
    numbers = new double[used.size()][];
    texts = new String[used.size()][];
    for (int j = 0; j < used.size(); j++) {
      if (used.get(j).categorical) {
        texts[j] = new String[capacity];
      } else {
        numbers[j] = new double[capacity];
      }
    }
    missing = new int[used.size()];
    lineOf = new int[capacity];
  }

  /**
   * Empties the chunk for another block of the same file, keeping its arrays: a load allocates the
   * chunks it has in flight, not one per block. Texts past the new rows are never read.
   */
  CsvChunk reset() {
    rows = 0;
    bytes = 0;
    lines = 0;
    block = null;
    problemLine = 0;
    problem = null;
    failure = null;
    java.util.Arrays.fill(missing, 0);
    return this;
  }

  /** Room for one more row. */
  void reserve() {
    if (rows < lineOf.length) return;
    int capacity = lineOf.length * 2;
    lineOf = java.util.Arrays.copyOf(lineOf, capacity);
    for (int j = 0; j < numbers.length; j++) {
      if (numbers[j] != null) numbers[j] = java.util.Arrays.copyOf(numbers[j], capacity);
      if (texts[j] != null) texts[j] = java.util.Arrays.copyOf(texts[j], capacity);
    }
  }

  /** Adds the row on the block's line {@code line} (1 = its first), its values set. */
  void addRow(int line) {
    lineOf[rows++] = line;
  }

  /** A chunk holding only what stopped the reading (an I/O error, the size limit). */
  static CsvChunk failed(Exception failure) {
    CsvChunk chunk = new CsvChunk(List.of(), 1);
    chunk.failure = failure;
    return chunk;
  }

  /** The block's first problem: on its line {@code line}, worded by its row in the file. */
  void refuse(int line, IntFunction<RuntimeException> problem) {
    this.problemLine = line;
    this.problem = problem;
  }

  /**
   * Appends at most {@code room} of these rows to the used columns, {@code linesBefore} being the
   * file's lines before the block (the header included); then throws what stopped the block, if the
   * rows did not fill the room first. Returns the rows appended.
   */
  int appendTo(List<RawColumn> used, int linesBefore, int room) throws IOException {
    int take = Math.min(rows, room);
    for (int j = 0; j < used.size(); j++) {
      RawColumn column = used.get(j);
      if (column.categorical) {
        for (int r = 0; r < take; r++) {
          String text = texts[j][r];
          if (text == null) {
            column.addMissing(linesBefore + lineOf[r]);
          } else {
            column.addCategory(text);
          }
        }
      } else if (missing[j] == 0) {
        column.addNumbers(numbers[j], take);
      } else {
        for (int r = 0; r < take; r++) {
          if (Double.isNaN(numbers[j][r])) {
            column.addMissing(linesBefore + lineOf[r]);
          } else {
            column.addNumber(numbers[j][r]);
          }
        }
      }
    }
    if (take == room) return take;
    if (problem != null) throw problem.apply(linesBefore + problemLine);
    if (failure instanceof IOException e) throw e;
    if (failure instanceof RuntimeException e) throw e;
    if (failure != null) throw new IllegalStateException(failure);
    return take;
  }
}
