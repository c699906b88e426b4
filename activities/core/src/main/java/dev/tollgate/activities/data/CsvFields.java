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
        int end = plainNumber(block, i, to);
        if (end >= 0) { // a plain decimal, the field's whole text: no second look at it
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

  /**
   * A field that is only {@code -?digits[.digits]} with at most 15 digits, ending at a comma or the
   * line's end: its value into {@code values[count]}, returning where it ends; else -1 (for the
   * general path). Fifteen digits and a power of ten within 10^22 are both exact doubles, so their
   * quotient is the correctly rounded value, which is what {@link FastDoubles} and {@link
   * Double#parseDouble} return (Clinger's fast path).
   */
  private int plainNumber(byte[] block, int i, int to) {
    boolean negative = i < to && block[i] == '-';
    if (negative) i++;
    i = digits(block, i, to);
    int digits = runDigits;
    long mantissa = run;
    int decimals = 0;
    if (i < to && block[i] == '.') {
      i = digits(block, i + 1, to);
      decimals = runDigits;
      if (decimals > 15) return -1;
      mantissa = mantissa * TENS[decimals] + run;
    }
    int all = digits + decimals;
    if (all == 0 || all > 15) return -1;
    if (i < to && block[i] != ',' && block[i] != '\n' && block[i] != '\r') return -1;
    double value = mantissa / POWERS[decimals];
    if (count == values.length) grow();
    values[count] = negative ? -value : value;
    return i;
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  private static final long ZEROS = 0x3030303030303030L;

  private long run;
  private int runDigits;

  /**
   * Reads the digits from {@code i}, eight bytes at a time (SWAR: the eight digits' value in a few
   * multiplications, after Lemire's and fast_float's); their value into {@link #run} (meaningless
   * past 15 digits), their count into {@link #runDigits}. Returns where they end.
   */
  private int digits(byte[] block, int i, int to) {
    long value = 0;
    int count = 0;
    while (true) {
      int n;
      long eight;
      if (i + 8 <= block.length) {
        long word = (long) LONGS.get(block, i);
        // the high bit of each byte that is not a digit: below the first one no carry or borrow
        long other = ((word + 0x4646464646464646L) | (word - ZEROS)) & 0x8080808080808080L;
        n = Math.min(Long.numberOfTrailingZeros(other) >>> 3, to - i);
        if (n <= 0) break;
        long v = (word - ZEROS) << ((8 - n) << 3); // the n digits last, zeros (leading) first
        v = v * 10 + (v >>> 8);
        v =
            (((v & 0x000000FF000000FFL) * (100 + (1000000L << 32)))
                    + (((v >>> 16) & 0x000000FF000000FFL) * (1 + (10000L << 32))))
                >>> 32;
        eight = v;
      } else {
        n = 0;
        eight = 0;
        int d;
        while (n < 8 && i + n < to && (d = block[i + n] - '0') >= 0 && d <= 9) {
          eight = eight * 10 + d;
          n++;
        }
        if (n == 0) break;
      }
      value = value * TENS[n] + eight;
      count += n;
      i += n;
      if (n < 8 || count > 15) break;
    }
    run = value;
    runDigits = count;
    return i;
  }

  private static final long[] TENS = {
    1L,
    10L,
    100L,
    1000L,
    10000L,
    100000L,
    1000000L,
    10000000L,
    100000000L,
    1000000000L,
    10000000000L,
    100000000000L,
    1000000000000L,
    10000000000000L,
    100000000000000L,
    1000000000000000L
  };

  private static final double[] POWERS = {
    1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
  };

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
