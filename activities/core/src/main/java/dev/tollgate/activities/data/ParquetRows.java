package dev.tollgate.activities.data;

import dev.hardwood.reader.RowReader;
import dev.tollgate.activities.Echo;
import dev.tollgate.activities.Failures;

/**
 * Moves one Parquet row's used values into their {@link RawColumn}s, each the way {@link
 * ParquetTypes} chose for its column. A null is a missing value, and so is a floating-point NaN (as
 * pandas writes a missing float); an infinite number is refused at its row, as a CSV's would be.
 * Rows are numbered from 1 over the whole file, row groups included (Parquet has no header line).
 */
final class ParquetRows {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private ParquetRows() {}

  /**
   * Adds row {@code row} (from 1) of {@code file} to {@code columns}.
   *
   * @param at each column's index in the reader's projection
   * @param part the part file's name for a folder (its missing values are named by it), or null
   */
  static void add(
      RowReader in,
      RawColumn[] columns,
      ParquetTypes[] types,
      int[] at,
      String file,
      String part,
      int row) {
    for (int j = 0; j < columns.length; j++) {
      RawColumn column = columns[j];
      int i = at[j];
      if (in.isNull(i)) {
        missing(column, part, row);
        continue;
      }
      switch (types[j]) {
        case INT -> column.addNumber(in.getInt(i));
        case LONG -> column.addNumber(in.getLong(i));
        case UNSIGNED_LONG -> column.addNumber(unsigned(in.getLong(i)));
        case FLOAT -> number(column, in.getFloat(i), file, part, row);
        case DOUBLE -> number(column, in.getDouble(i), file, part, row);
        case DECIMAL -> column.addNumber(in.getDecimal(i).doubleValue());
        case BOOLEAN -> column.addNumber(in.getBoolean(i) ? 1 : 0);
        case TEXT -> column.addCategory(in.getString(i));
        case INT_TEXT -> column.addCategory(Integer.toString(in.getInt(i)));
        case LONG_TEXT -> column.addCategory(Long.toString(in.getLong(i)));
        case UNSIGNED_LONG_TEXT -> column.addCategory(Long.toUnsignedString(in.getLong(i)));
        case BOOLEAN_TEXT -> column.addCategory(Boolean.toString(in.getBoolean(i)));
        case FLOAT_TEXT -> label(column, in.getFloat(i), file, part, row);
        case DOUBLE_TEXT -> label(column, in.getDouble(i), file, part, row);
        case TIMESTAMP_MILLIS -> column.addNumber(in.getLong(i));
        case TIMESTAMP_MICROS -> column.addNumber(Math.floorDiv(in.getLong(i), 1_000L));
        case TIMESTAMP_NANOS -> column.addNumber(Math.floorDiv(in.getLong(i), 1_000_000L));
        case INT96_TIMESTAMP -> column.addNumber(in.getTimestamp(i).toEpochMilli());
        case DATE -> column.addNumber(in.getInt(i) * MILLIS_PER_DAY);
        case TEXT_TIMESTAMP -> column.addNumber(timestamp(in.getString(i), file, row, column));
      }
    }
  }

  private static void missing(RawColumn column, String part, int row) {
    if (part == null) {
      column.addMissing(row);
    } else {
      column.addMissingIn(part, row);
    }
  }

  private static void number(RawColumn column, double value, String file, String part, int row) {
    if (Double.isNaN(value)) {
      missing(column, part, row);
    } else if (Double.isInfinite(value)) {
      throw Failures.invalidData(
          CsvReader.at(file, row, column.name)
              + Echo.value(Double.toString(value))
              + " is not a finite number");
    } else {
      column.addNumber(value);
    }
  }

  /** A class label held as a floating-point number, as its text; NaN is a missing label. */
  private static void label(RawColumn column, double value, String file, String part, int row) {
    if (Double.isNaN(value)) {
      missing(column, part, row);
    } else if (Double.isInfinite(value)) {
      throw Failures.invalidData(
          CsvReader.at(file, row, column.name)
              + Echo.value(Double.toString(value))
              + " is not a class label");
    } else {
      column.addCategory(Double.toString(value));
    }
  }

  private static double unsigned(long bits) {
    return bits >= 0 ? bits : (bits >>> 1) * 2.0 + (bits & 1);
  }

  private static double timestamp(String text, String file, int row, RawColumn column) {
    try {
      return Timestamps.parse(text);
    } catch (IllegalArgumentException e) {
      throw Failures.invalidData(CsvReader.at(file, row, column.name) + e.getMessage());
    }
  }
}
