package dev.tollgate.activities.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One used column as read, before the missing-value policy: numbers with {@code NaN} for a missing
 * value, or categories as codes into the order they were first seen with {@code -1} for a missing
 * one. Primitive arrays grown by doubling, so a million rows are not a million boxed objects.
 */
final class RawColumn {
  final String name;
  final boolean categorical;
  private double[] numbers;
  private int[] codes;
  private final List<String> seen = new ArrayList<>();
  private final Map<String, Integer> codeOf = new HashMap<>();
  private int size;
  private int planned; // the rows reserve() announced: the first growth goes straight there
  private int missing;
  private int firstMissingLine = -1;

  RawColumn(String name, boolean categorical) {
    this.name = name;
    this.categorical = categorical;
    if (categorical) {
      codes = new int[1024];
    } else {
      numbers = new double[1024];
    }
  }

  void addNumber(double value) {
    if (size == numbers.length) numbers = Arrays.copyOf(numbers, grown(size + 1));
    numbers[size++] = value;
  }

  void addCategory(String value) {
    if (size == codes.length) codes = Arrays.copyOf(codes, grown(size + 1));
    codes[size++] = codeOf.computeIfAbsent(value, v -> register(v));
  }

  /** The length to grow to for {@code needed} values: doubling, or the reserved rows at once. */
  private int grown(int needed) {
    int length = categorical ? codes.length : numbers.length;
    return Math.max(needed, Math.max(planned, length * 2));
  }

  /** A missing value on file line {@code line}. */
  void addMissing(int line) {
    if (missing++ == 0) firstMissingLine = line;
    if (categorical) {
      if (size == codes.length) codes = Arrays.copyOf(codes, grown(size + 1));
      codes[size++] = -1;
    } else {
      addNumber(Double.NaN);
    }
  }

  boolean isMissing(int row) {
    return categorical ? codes[row] < 0 : Double.isNaN(numbers[row]);
  }

  int size() {
    return size;
  }

  int missing() {
    return missing;
  }

  /** The file line of the first missing value, or -1. */
  int firstMissingLine() {
    return firstMissingLine;
  }

  /** The numbers, trimmed to size (shared, not copied: the column is read once). */
  double[] numbers() {
    if (numbers.length != size) numbers = Arrays.copyOf(numbers, size);
    return numbers;
  }

  /** Category codes into {@link #seen()}, -1 for missing, trimmed to size. */
  int[] codes() {
    if (codes.length != size) codes = Arrays.copyOf(codes, size);
    return codes;
  }

  /** Each category once, in the order first seen (code {@code i} is {@code seen().get(i)}). */
  List<String> seen() {
    return seen;
  }

  /** The code of a category that was seen, or -1. */
  int codeOf(String category) {
    return codeOf.getOrDefault(category, -1);
  }

  /** Keeps only the rows where {@code keep} is true, in order. */
  void retain(boolean[] keep) {
    int kept = 0;
    for (int row = 0; row < size; row++) {
      if (!keep[row]) continue;
      if (categorical) {
        codes[kept++] = codes[row];
      } else {
        numbers[kept++] = numbers[row];
      }
    }
    size = kept;
  }

  private int register(String value) {
    seen.add(value);
    return seen.size() - 1;
  }

  // Parquet (issue 28): a folder's part files each number their own rows, so the first missing
  // value is named by its part file too, and "first" is the table's row order, not a line number.
  private String firstMissingSource;
  private int firstMissingRow = -1;

  /** A missing value on row {@code line} of {@code source} (a part file of a folder). */
  void addMissingIn(String source, int line) {
    if (missing == 0) {
      firstMissingSource = source;
      firstMissingRow = size;
    }
    addMissing(line);
  }

  /** The file that holds the first missing value, when not the table's own; or {@code null}. */
  String firstMissingSource() {
    return firstMissingSource;
  }

  /** The table row (from 0) of the first missing value when known, else its file line, or -1. */
  int firstMissingOrder() {
    return firstMissingRow >= 0 ? firstMissingRow : firstMissingLine;
  }

  /** Appends {@code values[0, count)}, none of them missing: a block of rows at once. */
  void addNumbers(double[] values, int count) {
    if (size + count > numbers.length) numbers = Arrays.copyOf(numbers, grown(size + count));
    System.arraycopy(values, 0, numbers, size, count);
    size += count;
  }

  /**
   * Room for {@code rows} values in all, so that a large file's column is not copied as it grows:
   * allocated when the first values outgrow the initial array, not now, so that a column that takes
   * its first batch whole ({@link #adoptFinite}) allocates nothing of its own.
   */
  void reserve(int rows) {
    planned = Math.max(planned, rows);
  }

  /**
   * Appends {@code values[0, count)} and returns true if every one is a finite number; else appends
   * nothing and returns false, for the caller to take them one at a time (a NaN is a missing value,
   * an infinity is refused). Checked as copied: one pass over the values, not two.
   */
  boolean addFinite(double[] values, int count) {
    if (size + count > numbers.length) numbers = Arrays.copyOf(numbers, grown(size + count));
    double[] to = numbers;
    int at = size;
    double largest = 0; // NaN once a NaN is seen: Math.max keeps it
    for (int i = 0; i < count; i++) {
      double value = values[i];
      to[at + i] = value;
      largest = Math.max(largest, Math.abs(value));
    }
    if (!(largest <= Double.MAX_VALUE)) return false; // what was copied past size is overwritten
    size += count;
    return true;
  }

  /**
   * As {@link #addFinite}, but a column that holds nothing yet keeps {@code values} itself as its
   * storage instead of a copy: only for an array nobody else writes or reads after this call (the
   * Parquet reader's batches, which Hardwood allocates afresh for each batch and hands over).
   */
  boolean adoptFinite(double[] values, int count) {
    if (size != 0 || categorical) return addFinite(values, count);
    double largest = 0; // NaN once a NaN is seen: Math.max keeps it
    for (int i = 0; i < count; i++) largest = Math.max(largest, Math.abs(values[i]));
    if (!(largest <= Double.MAX_VALUE)) return false;
    numbers = values;
    size = count;
    return true;
  }
}
