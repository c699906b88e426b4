package dev.tollgate.activities.data;

import dev.tollgate.activities.Echo;
import dev.tollgate.activities.Failures;
import java.io.IOException;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Streams the lines of a CSV into a {@link RawTable}: one line in memory at a time, only the used
 * columns parsed. Problems of a single value are refused here, naming the file, the row (the line
 * of the file, header included, as an editor or a spreadsheet numbers it) and the column; missing
 * values are only counted, for the policy to decide. A message quotes the file through {@link Echo}
 * only: a few names or one value, each cut short, never a whole header or line (a file that is not
 * a CSV, such as a process's environment, would otherwise become the message).
 */
final class CsvReader {
  static final int PROGRESS_EVERY = 1 << 16;

  /**
   * What the UTF-8 decoder puts where bytes are not UTF-8 (a Latin-1 or Windows-1252 export):
   * refused at its row rather than read as a category or a number that is not one.
   */
  private static final char NOT_UTF8 = '\uFFFD';

  private CsvReader() {}

  private static RuntimeException notUtf8(String name, int row) {
    return Failures.invalidData(
        name
            + " row "
            + row
            + " holds bytes that are not UTF-8 text (a Latin-1 or Windows-1252 export?): save"
            + " the file as UTF-8");
  }

  static void read(BoundedLines in, RawTable table, IntConsumer progress) throws IOException {
    read(in, table, progress, Integer.MAX_VALUE);
  }

  /** As {@link #read}, stopping after {@code maxRows} data rows: a sample of the file's head. */
  static void read(BoundedLines in, RawTable table, IntConsumer progress, int maxRows)
      throws IOException {
    String name = table.source();
    String header = in.next();
    if (header == null || header.isBlank()) {
      throw Failures.invalidData(name + " is empty: expected a header line naming the columns");
    }
    CsvLine fields = new CsvLine();
    if (header.indexOf(NOT_UTF8) >= 0) throw notUtf8(name, 1);
    int width = fields.split(header.replace("\uFEFF", ""));
    refuseRepeatedNames(name, fields.all());
    List<RawColumn> used = table.all();
    int[] at = locate(name, fields.all(), used);
    String line;
    int row = 1; // the header was row 1
    while (table.rows() < maxRows && (line = in.next()) != null) {
      row++;
      if (line.isBlank()) continue;
      if (line.indexOf(NOT_UTF8) >= 0) throw notUtf8(name, row);
      if (fields.split(line) != width) {
        throw Failures.invalidData(
            name + " row " + row + " has " + fields.size() + " fields, the header has " + width);
      }
      for (int j = 0; j < at.length; j++) {
        RawColumn column = used.get(j);
        int f = at[j];
        if (MissingTokens.isMissing(fields, f, column.categorical)) {
          column.addMissing(row);
        } else if (column.categorical) {
          column.addCategory(fields.text(f));
        } else if (column == table.time()) {
          column.addNumber(timestamp(fields.text(f), name, row, column.name));
        } else {
          column.addNumber(number(fields, f, name, row, column.name));
        }
      }
      if (table.rows() % PROGRESS_EVERY == 0) progress.accept(table.rows());
    }
    if (table.rows() == 0) {
      throw Failures.invalidData(name + " has a header but no data rows");
    }
    progress.accept(table.rows());
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

  private static double number(CsvLine fields, int f, String name, int row, String column) {
    double value;
    try {
      value =
          fields.isPlain(f)
              ? FastDoubles.parse(fields.line(), fields.start(f), fields.end(f))
              : FastDoubles.parse(fields.text(f), 0, fields.text(f).length());
    } catch (NumberFormatException e) {
      throw Failures.invalidData(
          at(name, row, column) + Echo.value(fields.text(f)) + " is not a number");
    }
    if (!Double.isFinite(value)) {
      throw Failures.invalidData(
          at(name, row, column) + Echo.value(fields.text(f)) + " is not a finite number");
    }
    return value;
  }

  private static double timestamp(String text, String name, int row, String column) {
    try {
      return Timestamps.parse(text);
    } catch (IllegalArgumentException e) {
      throw Failures.invalidData(at(name, row, column) + e.getMessage());
    }
  }

  static String at(String name, int row, String column) {
    return name + " row " + row + ", column " + column + ": ";
  }
}
