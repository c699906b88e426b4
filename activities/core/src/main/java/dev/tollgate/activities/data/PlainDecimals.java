package dev.tollgate.activities.data;

/**
 * The numbers most CSV exports write, read from a field's bytes while its line is split: an
 * optional minus, digits, an optional point and more digits, fifteen digits at most. Digits are
 * read eight bytes at a time. Anything else is left to {@link FastDoubles} on the field. Reused for
 * every field of a block by one thread.
 */
final class PlainDecimals {
  private double value;

  /** The value of the field {@link #read} last accepted. */
  double value() {
    return value;
  }

  /**
   * A field that is only {@code -?digits[.digits]} with at most 15 digits, ending at a comma or the
   * line's end: returns where it ends, its value then {@link #value()}; else -1 (for the general
   * path). Fifteen digits and a power of ten within 10^22 are both exact doubles, so their quotient
   * is the correctly rounded value, which is what {@link FastDoubles} and {@link
   * Double#parseDouble} return (Clinger's fast path).
   */
  int read(byte[] block, int i, int to) {
    boolean negative = i < to && block[i] == '-';
    if (negative) i++;
    // the whole part, one digit at a time: most exports write one to three
    long mantissa = 0;
    int whole = 0;
    int d;
    while (i < to && (d = block[i] - '0') >= 0 && d <= 9 && whole <= 15) {
      mantissa = mantissa * 10 + d;
      i++;
      whole++;
    }
    int decimals = 0;
    if (i < to && block[i] == '.') {
      i = digits(block, i + 1, to);
      decimals = runDigits;
      if (decimals > 15) return -1;
      mantissa = mantissa * TENS[decimals] + run;
    }
    int all = whole + decimals;
    if (all == 0 || all > 15) return -1;
    if (i < to && block[i] != ',' && block[i] != '\n' && block[i] != '\r') return -1;
    double value = mantissa / POWERS[decimals];
    this.value = negative ? -value : value;
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
}
