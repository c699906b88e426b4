package dev.tollgate.activities.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@link CsvLine} on the bytes of a UTF-8 file: splits one line into fields (RFC 4180 quoting,
 * trimmed) where it lies in the block that holds it, so a number is parsed from its bytes and a
 * column the spec does not use is never decoded. The line ends at the first {@code \n} or {@code
 * \r}, quoted or not, as {@link java.io.BufferedReader#readLine()} ends it: a row is a line of the
 * file. Whether the line holds a byte that is not ASCII is noted on the way, so only such a line
 * pays for a check that it is UTF-8.
 */
final class CsvFields {
  private byte[] bytes;
  private int[] starts = new int[32];
  private int[] ends = new int[32];
  private boolean[] quoted = new boolean[32];
  private boolean[] parsed = new boolean[32];
  private double[] values = new double[32];
  private boolean[] numeric = new boolean[0];
  private final PlainDecimals decimals = new PlainDecimals();
  private int count;
  private boolean ascii;

  /** Which fields hold numbers to parse on the way (set once: the used number columns). */
  void parseNumbers(boolean[] fields) {
    numeric = fields.clone();
  }

  /**
   * Splits the line starting at {@code from}, going no further than {@code to}; returns where it
   * ends: the index of its {@code \n} or {@code \r}, or {@code to}.
   */
  int split(byte[] block, int from, int to) {
    bytes = block;
    count = 0;
    int seen = 0; // every byte OR-ed together: negative when one is not ASCII
    int i = from;
    while (true) {
      int start = i;
      if (count < numeric.length && numeric[count]) {
        int end = decimals.read(block, i, to);
        if (end >= 0) { // a plain decimal, the field's whole text: no second look at it
          if (count == values.length) grow();
          values[count] = decimals.value();
          addParsed(start, end);
          if (end >= to || block[end] != ',') {
            ascii = seen >= 0;
            return end;
          }
          i = end + 1;
          continue;
        }
      }
      boolean quotes = false;
      byte c;
      while (i < to && (c = block[i]) != ',' && c != '\n' && c != '\r') {
        seen |= c;
        if (c == '"') {
          quotes = true;
          int close = closingQuote(block, i + 1, to);
          for (int k = i + 1; k < close; k++) seen |= block[k];
          i = close;
        } else {
          i++;
        }
      }
      add(start, i, quotes);
      if (i >= to || block[i] != ',') {
        ascii = seen >= 0;
        return i;
      }
      i++; // past the comma
    }
  }

  /** Whether the field was parsed as a number on the way: then {@link #value} is it. */
  boolean parsed(int field) {
    return parsed[field];
  }

  double value(int field) {
    return values[field];
  }

  private void addParsed(int start, int end) {
    if (count == starts.length) grow();
    starts[count] = start;
    ends[count] = end;
    quoted[count] = false;
    parsed[count] = true;
    count++;
  }

  private void grow() {
    int capacity = starts.length * 2;
    starts = Arrays.copyOf(starts, capacity);
    ends = Arrays.copyOf(ends, capacity);
    quoted = Arrays.copyOf(quoted, capacity);
    parsed = Arrays.copyOf(parsed, capacity);
    values = Arrays.copyOf(values, capacity);
  }

  int size() {
    return count;
  }

  /** Whether every byte of the line is ASCII (else it must be checked to be UTF-8). */
  boolean ascii() {
    return ascii;
  }

  /** The field's text, trimmed and unquoted. */
  String text(int field) {
    if (quoted[field]) return unquote(starts[field], ends[field]);
    return new String(bytes, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
  }

  /** A missing value: empty, or in a number column one of {@link MissingTokens}' placeholders. */
  boolean isMissing(int field, boolean categorical) {
    if (quoted[field]) return MissingTokens.isMissing(text(field), categorical);
    int start = starts[field];
    int length = ends[field] - start;
    return length == 0 || (!categorical && MissingTokens.isPlaceholder(bytes, start, length));
  }

  /**
   * The field as a number, as {@link FastDoubles} reads it.
   *
   * @throws NumberFormatException when it is not one
   */
  double number(int field) {
    if (quoted[field]) {
      String text = text(field);
      return FastDoubles.parse(text, 0, text.length());
    }
    return FastDoubles.parse(bytes, starts[field], ends[field]);
  }

  private void add(int start, int end, boolean quotes) {
    if (count == starts.length) grow();
    // bytes <= ' ' are the characters String.trim() removes; no byte of a longer UTF-8 character
    while (start < end && bytes[start] >= 0 && bytes[start] <= ' ') start++;
    while (end > start && bytes[end - 1] >= 0 && bytes[end - 1] <= ' ') end--;
    starts[count] = start;
    ends[count] = end;
    quoted[count] = quotes;
    parsed[count] = false;
    count++;
  }

  /** Index just past the quote closing the one before {@code i}, or the end of the line. */
  private static int closingQuote(byte[] block, int i, int to) {
    while (i < to && block[i] != '\n' && block[i] != '\r') {
      if (block[i] == '"') {
        if (i + 1 < to && block[i + 1] == '"') {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return i;
  }

  /** {@link CsvLine}'s meaning: quotes removed, doubled quotes kept once, result trimmed. */
  private String unquote(int start, int end) {
    ByteArrayOutputStream field = new ByteArrayOutputStream(end - start);
    boolean inQuotes = false;
    for (int i = start; i < end; i++) {
      byte c = bytes[i];
      if (inQuotes && c == '"' && i + 1 < end && bytes[i + 1] == '"') {
        field.write('"');
        i++;
      } else if (c == '"') {
        inQuotes = !inQuotes;
      } else {
        field.write(c);
      }
    }
    return field.toString(StandardCharsets.UTF_8).trim();
  }
}
