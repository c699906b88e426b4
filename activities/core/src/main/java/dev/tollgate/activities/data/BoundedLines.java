package dev.tollgate.activities.data;

import dev.tollgate.activities.Failures;
import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a dataset, as {@link java.io.BufferedReader#readLine()} splits them ({@code \n},
 * {@code \r} or {@code \r\n}), none longer than {@value #MAX_LINE} characters. BufferedReader holds
 * a whole line in memory however long it is: one 300 MB line of a small gzip file took a worker to
 * 6.5 GB. Here a longer line is refused by its row number after reading at most its first MiB.
 */
final class BoundedLines {
  /** 1 MiB of text: thousands of columns, far more than any table a stage holds in memory. */
  static final int MAX_LINE = 1 << 20;

  private static final int BUFFER = 1 << 16;

  private final Reader in;
  private final String name;
  private final char[] buffer = new char[BUFFER];
  private final StringBuilder spill = new StringBuilder();
  private int position;
  private int limit;
  private int row;
  private boolean skipLf; // the previous line ended with \r: a \n right after belongs to it

  BoundedLines(Reader in, String name) {
    this.in = in;
    this.name = name;
  }

  /** The next line without its terminator, or {@code null} at the end of the file. */
  String next() throws IOException {
    spill.setLength(0);
    boolean any = false;
    while (true) {
      if (position == limit && !fill()) {
        if (!any) return null;
        row++;
        return spill.toString();
      }
      if (skipLf) {
        skipLf = false;
        if (buffer[position] == '\n') {
          position++;
          continue;
        }
      }
      any = true;
      int start = position;
      while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') position++;
      int length = position - start;
      if (spill.length() + length > MAX_LINE) throw tooLong();
      if (position == limit) {
        spill.append(buffer, start, length);
        continue;
      }
      skipLf = buffer[position] == '\r';
      position++;
      row++;
      if (spill.isEmpty()) return new String(buffer, start, length);
      return spill.append(buffer, start, length).toString();
    }
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    position = 0;
    limit = Math.max(n, 0);
    return n > 0;
  }

  private RuntimeException tooLong() {
    return Failures.invalidData(
        String.format(
            java.util.Locale.ROOT,
            "%s row %d is longer than %,d characters: not a CSV line a stage can hold (a file"
                + " that is not the CSV its spec names, or one field holding a whole export?)",
            name,
            row + 1,
            MAX_LINE));
  }
}
