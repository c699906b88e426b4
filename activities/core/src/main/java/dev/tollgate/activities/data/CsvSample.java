package dev.tollgate.activities.data;

import dev.tollgate.spec.DataSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first rows of a dataset as a client would send them to a served model: numeric columns as
 * numbers, the others as text, only {@code columns}; rows with a missing value are left out (the
 * smoke test scores complete rows, as callers must send them).
 */
public final class CsvSample {
  private CsvSample() {}

  public static List<Map<String, Object>> rows(
      DatasetFiles files, DataSpec spec, DataSchema schema, int limit) {
    String uri = spec.train();
    Set<String> categorical = Set.copyOf(schema.categorical());
    List<String> columns = schema.names();
    try (DatasetFiles.Local local = files.open(uri, spec.byteLimit());
        DatasetInput in = DatasetInput.open(local, uri)) {
      String header = in.lines.next();
      if (header == null) return List.of();
      CsvLine fields = new CsvLine();
      fields.split(header.replace("\uFEFF", ""));
      List<String> names = fields.all();
      List<Map<String, Object>> out = new ArrayList<>();
      String line;
      while (out.size() < limit && (line = in.lines.next()) != null) {
        if (line.isBlank()) continue;
        fields.split(line);
        Map<String, Object> row = new LinkedHashMap<>();
        boolean complete = true;
        for (String c : columns) {
          int at = names.indexOf(c);
          String text = at < 0 || at >= fields.size() ? "" : fields.text(at).strip();
          if (text.isEmpty() || MissingTokens.isMissing(fields, at, categorical.contains(c))) {
            complete = false;
            break;
          }
          row.put(c, categorical.contains(c) ? text : parse(text));
        }
        if (complete) out.add(row);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + uri, e);
    }
  }

  private static Object parse(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return text; // the served model refuses it, naming the field: what a client would see
    }
  }
}
