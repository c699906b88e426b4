package dev.tollgate.activities.data;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows sent to a served model ({@code {"temperature": 21.5, "region": "north"}}) encoded as its
 * training data was: the model's recorded schema, numeric features as numbers, categorical ones as
 * text, categories it never saw as all-zero inputs. A row missing a field, naming one the model
 * does not read, or holding text where a number belongs is refused naming the row and the field.
 */
public final class RowsEncoder {
  /** A request that cannot be scored: {@code field} is like {@code rows[3].humidity}. */
  public static final class BadRow extends RuntimeException {
    private final String field;

    BadRow(String field, String problem) {
      super(field + ": " + problem);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  private RowsEncoder() {}

  public static Dataset encode(DataSchema schema, List<Map<String, Object>> rows) {
    if (rows == null || rows.isEmpty()) throw new BadRow("rows", "expected at least one row");
    RawTable table =
        RawTable.plan("request", schema.names(), schema.categorical(), null, false, null);
    Set<String> names = new LinkedHashSet<>(schema.names());
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      String at = "rows[" + i + "]";
      if (row == null) throw new BadRow(at, "expected an object of the model's fields " + names);
      for (String field : row.keySet()) {
        if (!names.contains(field)) {
          throw new BadRow(at + "." + field, "unknown field; the model reads " + names);
        }
      }
      for (int j = 0; j < schema.features().size(); j++) {
        DataSchema.Feature f = schema.features().get(j);
        RawColumn column = table.features().get(j);
        if (!row.containsKey(f.name()) || row.get(f.name()) == null) {
          throw new BadRow(at + "." + f.name(), "missing; the model reads " + names);
        }
        Object value = row.get(f.name());
        if (f.type() == DataSchema.Type.NUMERIC) {
          column.addNumber(number(value, at + "." + f.name()));
        } else {
          column.addCategory(String.valueOf(value).strip());
        }
      }
    }
    OneHotEncoder encoded = OneHotEncoder.encode(schema, table);
    return new Dataset(
        "request",
        null,
        null,
        schema.inputs(),
        new double[rows.size()],
        encoded.columns(),
        null,
        null,
        schema,
        LoadReport.clean(rows.size()));
  }

  private static double number(Object value, String field) {
    double d;
    if (value instanceof Number n) {
      d = n.doubleValue();
    } else {
      throw new BadRow(field, "expected a number, got " + describe(value));
    }
    if (!Double.isFinite(d)) throw new BadRow(field, "expected a finite number, got " + d);
    return d;
  }

  private static String describe(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }
}
