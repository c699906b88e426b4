package dev.tollgate.activities.data;

/**
 * Parses decimal numbers straight from a CSV line without allocating a String per value, which is
 * most of the cost of loading a large file. Exact: a value with at most 17 significant digits and a
 * decimal exponent within ±22 is one correctly rounded IEEE multiplication or division of two
 * exactly representable doubles (Clinger's fast path); anything else (more digits, hex, {@code
 * Infinity}, a {@code d} suffix, garbage) goes to {@link Double#parseDouble}, so the result is
 * always the same as the JDK's.
 */
final class FastDoubles {
  private static final long MAX_EXACT = 1L << 53;
  private static final double[] POWERS = new double[23];

  static {
    POWERS[0] = 1;
    for (int i = 1; i < POWERS.length; i++) {
      POWERS[i] = POWERS[i - 1] * 10;
    }
  }

  private FastDoubles() {}

  /**
   * The number in {@code text[from, to)}.
   *
   * @throws NumberFormatException when the text is not a number
   */
  static double parse(CharSequence text, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    long mantissa = 0;
    int exponent = 0;
    int digits = 0;
    boolean fast = true;
    for (; i < to && isDigit(text.charAt(i)); i++, digits++) {
      if (mantissa < MAX_EXACT / 10) {
        mantissa = mantissa * 10 + (text.charAt(i) - '0');
      } else {
        fast = false;
      }
    }
    if (i < to && text.charAt(i) == '.') {
      for (i++; i < to && isDigit(text.charAt(i)); i++, digits++) {
        if (mantissa < MAX_EXACT / 10) {
          mantissa = mantissa * 10 + (text.charAt(i) - '0');
          exponent--;
        } else {
          fast = false;
        }
      }
    }
    if (i < to && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      int sign = 1;
      int e = 0;
      int expDigits = 0;
      i++;
      if (i < to && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
        sign = text.charAt(i++) == '-' ? -1 : 1;
      }
      for (; i < to && isDigit(text.charAt(i)) && e < 1000; i++, expDigits++) {
        e = e * 10 + (text.charAt(i) - '0');
      }
      fast &= expDigits > 0;
      exponent += sign * e;
    }
    if (!fast || digits == 0 || i != to || exponent < -22 || exponent > 22) {
      return Double.parseDouble(text.subSequence(from, to).toString());
    }
    double value = exponent >= 0 ? mantissa * POWERS[exponent] : mantissa / POWERS[-exponent];
    return negative ? -value : value;
  }

  /**
   * The number in the UTF-8 bytes {@code bytes[from, to)}, the same as {@link #parse(CharSequence,
   * int, int)} of their text: a CSV file's field read without decoding it.
   *
   * @throws NumberFormatException when the text is not a number
   */
  static double parse(byte[] bytes, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
      negative = bytes[i] == '-';
      i++;
    }
    long mantissa = 0;
    int exponent = 0;
    int digits = 0;
    boolean fast = true;
    int d;
    for (; i < to && (d = bytes[i] - '0') >= 0 && d <= 9; i++, digits++) {
      if (mantissa < MAX_EXACT / 10) {
        mantissa = mantissa * 10 + d;
      } else {
        fast = false;
      }
    }
    if (i < to && bytes[i] == '.') {
      for (i++; i < to && (d = bytes[i] - '0') >= 0 && d <= 9; i++, digits++) {
        if (mantissa < MAX_EXACT / 10) {
          mantissa = mantissa * 10 + d;
          exponent--;
        } else {
          fast = false;
        }
      }
    }
    if (i < to && (bytes[i] == 'e' || bytes[i] == 'E')) {
      int sign = 1;
      int e = 0;
      int expDigits = 0;
      i++;
      if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
        sign = bytes[i++] == '-' ? -1 : 1;
      }
      for (; i < to && (d = bytes[i] - '0') >= 0 && d <= 9 && e < 1000; i++, expDigits++) {
        e = e * 10 + d;
      }
      fast &= expDigits > 0;
      exponent += sign * e;
    }
    if (!fast || digits == 0 || i != to || exponent < -22 || exponent > 22) {
      return Double.parseDouble(
          new String(bytes, from, to - from, java.nio.charset.StandardCharsets.UTF_8));
    }
    double value = exponent >= 0 ? mantissa * POWERS[exponent] : mantissa / POWERS[-exponent];
    return negative ? -value : value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
