package dev.tollgate.activities.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits one CSV line of text into fields (RFC 4180 quoting: {@code "a,b"} is one field, {@code ""}
 * inside quotes is a quote), trimmed: the header, whose names are text. The data lines are split on
 * their bytes by {@link CsvFields}, to the same rules. Fields spanning lines are not supported:
 * numeric datasets do not need them, and a line number in an error message should stay the line the
 * user sees (which is also why a file can be cut into blocks at any line end).
 */
final class CsvLine {
  private String line = "";
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private String[] unquoted = new String[16]; // only for fields that had quotes
  private int count;

  /** Splits {@code text}; returns the number of fields. */
  int split(String text) {
    line = text;
    count = 0;
    int i = 0;
    int n = text.length();
    while (true) {
      int start = i;
      boolean quotes = false;
      while (i < n && text.charAt(i) != ',') {
        if (text.charAt(i) == '"') {
          quotes = true;
          i = closingQuote(text, i + 1);
        } else {
          i++;
        }
      }
      add(start, i, quotes);
      if (i >= n) {
        return count;
      }
      i++; // past the comma
    }
  }

  int size() {
    return count;
  }

  /** The field's text, trimmed and unquoted. */
  String text(int field) {
    return unquoted[field] != null ? unquoted[field] : line.substring(starts[field], ends[field]);
  }

  /** Every field as text: the header. */
  List<String> all() {
    List<String> fields = new ArrayList<>(count);
    for (int f = 0; f < count; f++) {
      fields.add(text(f));
    }
    return fields;
  }

  private void add(int start, int end, boolean quotes) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      ends = Arrays.copyOf(ends, count * 2);
      unquoted = Arrays.copyOf(unquoted, count * 2);
    }
    while (start < end && line.charAt(start) <= ' ') start++;
    while (end > start && line.charAt(end - 1) <= ' ') end--;
    starts[count] = start;
    ends[count] = end;
    unquoted[count] = quotes ? unquote(line, start, end) : null;
    count++;
  }

  /** Index just past the quote closing the one before {@code i} (or the end of the line). */
  private static int closingQuote(String text, int i) {
    while (i < text.length()) {
      if (text.charAt(i) == '"') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return i;
  }

  /** The old splitter's meaning: quotes removed, doubled quotes kept once, result trimmed. */
  private static String unquote(String text, int start, int end) {
    StringBuilder field = new StringBuilder(end - start);
    boolean quoted = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (quoted && c == '"' && i + 1 < end && text.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else {
        field.append(c);
      }
    }
    return field.toString().trim();
  }
}
