package dev.tollgate.cli.common;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A table for the terminal: every column as wide as its widest cell (the header's included), two
 * spaces between columns, the last one left as long as it is. Fixed widths cut nothing but pushed a
 * long run id or outcome into the next column, and every line after it out of line.
 */
public final class Columns {
  private static final String GAP = "  ";

  private final List<String[]> rows = new ArrayList<>();

  public Columns(String... header) {
    rows.add(header);
  }

  /** One row; as many cells as the header, null shown as "-". */
  public Columns add(String... cells) {
    if (cells.length != rows.getFirst().length) {
      throw new IllegalArgumentException(
          "a row of " + cells.length + " cells in a table of " + rows.getFirst().length);
    }
    rows.add(cells);
    return this;
  }

  public List<String> lines() {
    int columns = rows.getFirst().length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns - 1; c++) width[c] = Math.max(width[c], cell(row[c]).length());
    }
    List<String> lines = new ArrayList<>();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        String cell = cell(row[c]);
        line.append(cell);
        if (c < columns - 1) line.append(" ".repeat(width[c] - cell.length())).append(GAP);
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  public void print(PrintWriter out) {
    lines().forEach(out::println);
  }

  private static String cell(String s) {
    return s == null ? "-" : s;
  }
}
