package dev.tollgate.activities.data;

import dev.hardwood.metadata.LogicalType;
import dev.hardwood.metadata.PhysicalType;
import dev.hardwood.schema.ColumnSchema;
import dev.tollgate.activities.Failures;
import java.util.Locale;

/**
 * Which Parquet column types fill which used column, decided once per column from the file's schema
 * (a Parquet column has one type, so a wrong one is refused before a row is read, naming the
 * column, its type and what was expected):
 *
 * <ul>
 *   <li>numbers (features, a regression target): INT32, INT64 (signed or not), FLOAT, DOUBLE,
 *       DECIMAL, and BOOLEAN as 0 and 1;
 *   <li>categories (categorical features, a class label): text (BYTE_ARRAY as STRING, ENUM or
 *       unannotated, dictionary-encoded or not), whole numbers and booleans, each as its text
 *       ({@code 7}, {@code true}) as the same value reads from a CSV; floating-point numbers are
 *       refused as features, but a class label may be one ({@code 1.0}, as pandas writes a label
 *       column that had a missing value), read as its shortest text, as pandas writes it to a CSV;
 *   <li>the timestamp: TIMESTAMP in milli-, micro- or nanoseconds (a wall-clock one, not adjusted
 *       to UTC, read as UTC, as a CSV timestamp without an offset is), the legacy INT96, DATE (its
 *       midnight, UTC), or text in the formats a CSV timestamp may take.
 * </ul>
 */
enum ParquetTypes {
  INT,
  LONG,
  UNSIGNED_LONG,
  FLOAT,
  DOUBLE,
  DECIMAL,
  BOOLEAN,
  TEXT,
  INT_TEXT,
  LONG_TEXT,
  UNSIGNED_LONG_TEXT,
  BOOLEAN_TEXT,
  FLOAT_TEXT,
  DOUBLE_TEXT,
  TIMESTAMP_MILLIS,
  TIMESTAMP_MICROS,
  TIMESTAMP_NANOS,
  INT96_TIMESTAMP,
  DATE,
  TEXT_TIMESTAMP;

  /** How {@code column} (a used one) is read from {@code parquet}, or refused naming both. */
  static ParquetTypes of(
      ColumnSchema parquet, RawColumn column, boolean isTime, boolean isTarget, String file) {
    LogicalType logical = parquet.logicalType();
    PhysicalType physical = parquet.type();
    ParquetTypes read;
    String expected;
    if (isTime) {
      read = timestamp(physical, logical);
      expected = "timestamps (TIMESTAMP, DATE or text)";
    } else if (column.categorical) {
      read = category(physical, logical);
      if (read == null && isTarget && logical == null) read = label(physical);
      expected = "categories (text, whole numbers or booleans)";
    } else {
      read = number(physical, logical);
      expected = "numbers";
    }
    if (read == null) {
      throw Failures.invalidData(
          file
              + " column "
              + column.name
              + " holds "
              + holds(physical, logical)
              + " ("
              + describe(parquet)
              + "), expected "
              + expected);
    }
    return read;
  }

  private static ParquetTypes number(PhysicalType physical, LogicalType logical) {
    if (logical instanceof LogicalType.DecimalType) return DECIMAL;
    if (logical != null && !(logical instanceof LogicalType.IntType)) return null;
    return switch (physical) {
      case INT32 -> INT;
      case INT64 -> unsigned(logical) ? UNSIGNED_LONG : LONG;
      case FLOAT -> FLOAT;
      case DOUBLE -> DOUBLE;
      case BOOLEAN -> BOOLEAN;
      default -> null;
    };
  }

  private static ParquetTypes category(PhysicalType physical, LogicalType logical) {
    if (physical == PhysicalType.BYTE_ARRAY
        && (logical == null
            || logical instanceof LogicalType.StringType
            || logical instanceof LogicalType.EnumType)) {
      return TEXT;
    }
    if (logical != null && !(logical instanceof LogicalType.IntType)) return null;
    return switch (physical) {
      case INT32 -> INT_TEXT;
      case INT64 -> unsigned(logical) ? UNSIGNED_LONG_TEXT : LONG_TEXT;
      case BOOLEAN -> BOOLEAN_TEXT;
      default -> null;
    };
  }

  /** A class label stored as a floating-point number: {@code 0.0}, {@code 1.0}. */
  private static ParquetTypes label(PhysicalType physical) {
    return switch (physical) {
      case FLOAT -> FLOAT_TEXT;
      case DOUBLE -> DOUBLE_TEXT;
      default -> null;
    };
  }

  private static ParquetTypes timestamp(PhysicalType physical, LogicalType logical) {
    if (physical == PhysicalType.INT96) return INT96_TIMESTAMP;
    if (logical instanceof LogicalType.DateType && physical == PhysicalType.INT32) return DATE;
    if (logical instanceof LogicalType.TimestampType t && physical == PhysicalType.INT64) {
      return switch (t.unit()) {
        case MILLIS -> TIMESTAMP_MILLIS;
        case MICROS -> TIMESTAMP_MICROS;
        case NANOS -> TIMESTAMP_NANOS;
      };
    }
    if (physical == PhysicalType.BYTE_ARRAY
        && (logical == null || logical instanceof LogicalType.StringType)) {
      return TEXT_TIMESTAMP;
    }
    return null;
  }

  private static boolean unsigned(LogicalType logical) {
    return logical instanceof LogicalType.IntType i && !i.isSigned();
  }

  /** What a refused column holds, in words. */
  private static String holds(PhysicalType physical, LogicalType logical) {
    if (logical instanceof LogicalType.StringType
        || logical instanceof LogicalType.EnumType
        || logical instanceof LogicalType.JsonType) {
      return "text";
    }
    if (logical instanceof LogicalType.TimestampType
        || logical instanceof LogicalType.DateType
        || logical instanceof LogicalType.TimeType
        || physical == PhysicalType.INT96) {
      return "dates or times";
    }
    return switch (physical) {
      case INT32, INT64 -> "whole numbers";
      case FLOAT, DOUBLE -> "floating-point numbers";
      case BOOLEAN -> "booleans";
      default -> "binary values";
    };
  }

  /** The column's type as Parquet tools print it: {@code BYTE_ARRAY/STRING}, {@code DOUBLE}. */
  static String describe(ColumnSchema parquet) {
    LogicalType logical = parquet.logicalType();
    String physical = parquet.type().name();
    if (logical == null) return physical;
    String name =
        switch (logical) {
          case LogicalType.StringType s -> "STRING";
          case LogicalType.TimestampType t -> "TIMESTAMP(" + t.unit() + ")";
          case LogicalType.DecimalType d -> "DECIMAL(" + d.precision() + "," + d.scale() + ")";
          case LogicalType.IntType i -> (i.isSigned() ? "INT" : "UINT") + "_" + i.bitWidth();
          default ->
              logical.getClass().getSimpleName().replace("Type", "").toUpperCase(Locale.ROOT);
        };
    return physical + "/" + name;
  }
}
