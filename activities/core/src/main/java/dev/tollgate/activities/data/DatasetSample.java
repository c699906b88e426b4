package dev.tollgate.activities.data;

import dev.tollgate.activities.Failures;
import dev.tollgate.spec.DataSpec;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;

/**
 * The first rows of a dataset as a client would send them to a served model: numeric columns as
 * numbers, the others as text, only the schema's columns; rows with a missing value are left out
 * (the smoke test scores complete rows, as callers must send them). Read as a load reads the file,
 * whatever its format, so a value that is not of its type is the load's own failure.
 */
public final class DatasetSample {
  private DatasetSample() {}

  public static List<Map<String, Object>> rows(
      DatasetFiles files, DataSpec spec, DataSchema schema, int limit) {
    String uri = spec.train();
    try (DatasetFiles.Local local = files.open(uri, spec.byteLimit(), spec.dataFormat());
        TableInput in = TableInput.open(local, uri, spec.format())) {
      RawTable table =
          RawTable.plan(in.name(), schema.names(), schema.categorical(), null, false, null);
      in.read(table, read -> {}, limit);
      List<Map<String, Object>> out = new ArrayList<>();
      for (int row = 0; row < table.rows(); row++) {
        Map<String, Object> values = complete(table, row);
        if (values != null) out.add(values);
      }
      return out;
    } catch (ZipException | EOFException e) {
      throw Failures.invalidData(uri + " is not a complete gzip file: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + uri, e);
    }
  }

  /** The row's values by column, or {@code null} when one of them is missing. */
  private static Map<String, Object> complete(RawTable table, int row) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (RawColumn column : table.features()) {
      if (column.isMissing(row)) return null;
      values.put(
          column.name,
          column.categorical ? column.seen().get(column.codes()[row]) : column.numbers()[row]);
    }
    return values;
  }
}
