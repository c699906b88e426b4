package dev.tollgate.activities.data;

import dev.tollgate.activities.Failures;
import dev.tollgate.spec.MissingPolicy;
import java.util.List;

/**
 * Applies {@code data.missing} to a table as read. Runs before the split and the encoding, so
 * training, validation and serving see the same rows; imputation itself happens in the encoder,
 * with values fitted on the training rows.
 */
final class MissingValues {
  private MissingValues() {}

  /** Refuses or drops rows as the policy says; returns the number of rows dropped. */
  static int apply(RawTable table, MissingPolicy policy) {
    for (RawColumn column : table.all()) {
      if (column.missing() == table.rows()) {
        throw Failures.invalidData(
            table.source()
                + " column "
                + column.name
                + ": every value is missing ("
                + table.rows()
                + " rows); check the export or leave the column out of the spec");
      }
    }
    return switch (policy) {
      case FAIL -> refuseFirst(table);
      case DROP_ROWS -> drop(table);
      case IMPUTE -> {
        if (table.target() != null) refuse(table, table.target(), "the target is missing");
        if (table.time() != null) refuse(table, table.time(), "the timestamp is missing");
        yield 0;
      }
    };
  }

  private static int refuseFirst(RawTable table) {
    RawColumn first = null;
    for (RawColumn column : table.all()) {
      if (column.missing() > 0
          && (first == null || column.firstMissingOrder() < first.firstMissingOrder())) {
        first = column;
      }
    }
    if (first != null) {
      throw Failures.invalidData(
          CsvReader.at(source(table, first), first.firstMissingLine(), first.name)
              + "the value is missing (data.missing is fail; drop_rows or impute accept it)");
    }
    return 0;
  }

  /** Imputation fills features only: a row without a label or a time cannot be used at all. */
  private static void refuse(RawTable table, RawColumn column, String problem) {
    if (column.missing() > 0) {
      throw Failures.invalidData(
          CsvReader.at(source(table, column), column.firstMissingLine(), column.name)
              + problem
              + "; data.missing: impute fills features only, drop_rows leaves such rows out");
    }
  }

  /** The file a column's first missing value is in: a folder's part file, or the table's. */
  private static String source(RawTable table, RawColumn column) {
    return column.firstMissingSource() != null ? column.firstMissingSource() : table.source();
  }

  private static int drop(RawTable table) {
    int rows = table.rows();
    boolean[] keep = new boolean[rows];
    int kept = 0;
    List<RawColumn> columns = table.all(); // a new list each call: once, not once per row
    for (int row = 0; row < rows; row++) {
      boolean complete = true;
      for (RawColumn column : columns) {
        complete &= !column.isMissing(row);
      }
      keep[row] = complete;
      kept += complete ? 1 : 0;
    }
    if (kept == 0) {
      throw Failures.invalidData(
          "every one of the "
              + rows
              + " rows of "
              + table.source()
              + " has a missing value in a used column (data.missing: drop_rows)");
    }
    if (kept < rows) table.retain(keep);
    return rows - kept;
  }
}
