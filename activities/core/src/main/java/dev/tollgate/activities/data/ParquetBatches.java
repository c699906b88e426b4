package dev.tollgate.activities.data;

import dev.hardwood.metadata.LogicalType;
import dev.hardwood.reader.ColumnReader;
import dev.hardwood.reader.Validity;
import dev.hardwood.schema.ColumnSchema;
import dev.tollgate.activities.Echo;
import dev.tollgate.activities.Failures;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Moves a batch of one Parquet column's values into its {@link RawColumn}, the way {@link
 * ParquetTypes} chose for the column: the typed arrays Hardwood decoded, a batch at a time, not a
 * boxed value per cell. A null is a missing value, and so is a floating-point NaN (as pandas writes
 * a missing float); an infinite number is refused at its row, as a CSV's would be. Rows are
 * numbered from 1 over the whole file, row groups included (Parquet has no header line). A batch is
 * read a column at a time, so of two bad values in one batch the one in the earlier column is
 * named, even if the other is in an earlier row (missing values are ordered by row all the same).
 */
final class ParquetBatches {
  private static final long MILLIS_PER_DAY = 86_400_000L;
  private static final long JULIAN_EPOCH_DAY = 2_440_588L; // 1970-01-01 as a Julian day (INT96)

  private ParquetBatches() {}

  /**
   * Adds the first {@code count} values of {@code in}'s current batch to {@code column}.
   *
   * @param first the file row (from 1) of the batch's first value
   * @param part the part file's name for a folder (its missing values are named by it), or null
   */
  static void add(
      ColumnReader in,
      int count,
      RawColumn column,
      ParquetTypes type,
      ColumnSchema schema,
      String file,
      String part,
      int first) {
    Validity nulls = in.getLeafValidity();
    boolean any = nulls.hasNulls();
    switch (type) {
      case INT, DATE, INT_TEXT -> {
        int[] v = in.getInts();
        for (int i = 0; i < count; i++) {
          if (any && nulls.isNull(i)) missing(column, part, first + i);
          else if (type == ParquetTypes.INT) column.addNumber(v[i]);
          else if (type == ParquetTypes.DATE) column.addNumber(v[i] * MILLIS_PER_DAY);
          else column.addCategory(Integer.toString(v[i]));
        }
      }
      case LONG, UNSIGNED_LONG, LONG_TEXT, UNSIGNED_LONG_TEXT -> {
        long[] v = in.getLongs();
        for (int i = 0; i < count; i++) {
          if (any && nulls.isNull(i)) missing(column, part, first + i);
          else if (type == ParquetTypes.LONG) column.addNumber(v[i]);
          else if (type == ParquetTypes.UNSIGNED_LONG) column.addNumber(unsigned(v[i]));
          else if (type == ParquetTypes.LONG_TEXT) column.addCategory(Long.toString(v[i]));
          else column.addCategory(Long.toUnsignedString(v[i]));
        }
      }
      case TIMESTAMP_MILLIS, TIMESTAMP_MICROS, TIMESTAMP_NANOS -> {
        long[] v = in.getLongs();
        long per =
            type == ParquetTypes.TIMESTAMP_MILLIS
                ? 1L
                : type == ParquetTypes.TIMESTAMP_MICROS ? 1_000L : 1_000_000L;
        for (int i = 0; i < count; i++) {
          if (any && nulls.isNull(i)) missing(column, part, first + i);
          else column.addNumber(Math.floorDiv(v[i], per));
        }
      }
      case FLOAT, FLOAT_TEXT -> {
        float[] v = in.getFloats();
        for (int i = 0; i < count; i++) {
          if (any && nulls.isNull(i)) missing(column, part, first + i);
          else floating(column, v[i], type == ParquetTypes.FLOAT_TEXT, file, part, first + i);
        }
      }
      case DOUBLE, DOUBLE_TEXT -> {
        double[] v = in.getDoubles();
        if (!any && type == ParquetTypes.DOUBLE && column.adoptFinite(v, count)) {
          return; // the usual batch: checked at once, kept as it is (the first) or copied
        }
        for (int i = 0; i < count; i++) {
          if (any && nulls.isNull(i)) missing(column, part, first + i);
          else floating(column, v[i], type == ParquetTypes.DOUBLE_TEXT, file, part, first + i);
        }
      }
      case BOOLEAN, BOOLEAN_TEXT -> {
        boolean[] v = in.getBooleans();
        for (int i = 0; i < count; i++) {
          if (any && nulls.isNull(i)) missing(column, part, first + i);
          else if (type == ParquetTypes.BOOLEAN) column.addNumber(v[i] ? 1 : 0);
          else column.addCategory(Boolean.toString(v[i]));
        }
      }
      case TEXT, TEXT_TIMESTAMP -> {
        String[] v = in.getStrings();
        for (int i = 0; i < count; i++) {
          if (any && nulls.isNull(i)) missing(column, part, first + i);
          else if (type == ParquetTypes.TEXT) column.addCategory(v[i]);
          else column.addNumber(timestamp(v[i], file, first + i, column));
        }
      }
      case DECIMAL -> decimals(in, count, nulls, column, schema, part, first);
      case INT96_TIMESTAMP -> {
        byte[][] v = in.getBinaries();
        for (int i = 0; i < count; i++) {
          if (any && nulls.isNull(i)) missing(column, part, first + i);
          else column.addNumber(int96Millis(v[i]));
        }
      }
    }
  }

  /** A DECIMAL of any physical type: its unscaled integer over 10 to its scale. */
  private static void decimals(
      ColumnReader in,
      int count,
      Validity nulls,
      RawColumn column,
      ColumnSchema schema,
      String part,
      int first) {
    int scale = ((LogicalType.DecimalType) schema.logicalType()).scale();
    boolean any = nulls.hasNulls();
    int[] ints = null;
    long[] longs = null;
    byte[][] bytes = null;
    switch (schema.type()) {
      case INT32 -> ints = in.getInts();
      case INT64 -> longs = in.getLongs();
      default -> bytes = in.getBinaries();
    }
    for (int i = 0; i < count; i++) {
      if (any && nulls.isNull(i)) {
        missing(column, part, first + i);
        continue;
      }
      BigInteger unscaled =
          ints != null
              ? BigInteger.valueOf(ints[i])
              : longs != null ? BigInteger.valueOf(longs[i]) : new BigInteger(bytes[i]);
      column.addNumber(new BigDecimal(unscaled, scale).doubleValue());
    }
  }

  private static void missing(RawColumn column, String part, int row) {
    if (part == null) {
      column.addMissing(row);
    } else {
      column.addMissingIn(part, row);
    }
  }

  /**
   * A floating-point value as a number, or as a class label (its text) when {@code label}: NaN is a
   * missing value either way, an infinity is refused at its row.
   */
  private static void floating(
      RawColumn column, double value, boolean label, String file, String part, int row) {
    if (Double.isNaN(value)) {
      missing(column, part, row);
    } else if (Double.isInfinite(value)) {
      throw Failures.invalidData(
          CsvReader.at(file, row, column.name)
              + Echo.value(Double.toString(value))
              + (label ? " is not a class label" : " is not a finite number"));
    } else if (label) {
      column.addCategory(Double.toString(value));
    } else {
      column.addNumber(value);
    }
  }

  private static double unsigned(long bits) {
    return bits >= 0 ? bits : (bits >>> 1) * 2.0 + (bits & 1);
  }

  /** Impala's and old Spark's INT96: nanoseconds of the day, then the Julian day, little-endian. */
  private static double int96Millis(byte[] value) {
    ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
    long nanos = b.getLong(0);
    long day = Integer.toUnsignedLong(b.getInt(8));
    return (day - JULIAN_EPOCH_DAY) * MILLIS_PER_DAY + Math.floorDiv(nanos, 1_000_000L);
  }

  private static double timestamp(String text, String file, int row, RawColumn column) {
    try {
      return Timestamps.parse(text);
    } catch (IllegalArgumentException e) {
      throw Failures.invalidData(CsvReader.at(file, row, column.name) + e.getMessage());
    }
  }
}
