package dev.tollgate.worker.slack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The worker's own {@code Slack user id -> approver} map ({@code tollgate.slack.approvers}): inline
 * {@code U024BE7LH=alice,U0G9QF9C6=bob}, or {@code file:/path} with one {@code ID=name} a line
 * ({@code #} starts a comment). Read once at start; a bad entry stops the worker, naming the entry.
 */
final class PinnedSlackUsers {
  private PinnedSlackUsers() {}

  static Map<String, String> parse(String setting) {
    if (setting == null || setting.isBlank()) return Map.of();
    String where = "tollgate.slack.approvers";
    List<String> entries;
    if (setting.startsWith("file:")) {
      Path file = Path.of(setting.substring("file:".length()));
      where = where + " (" + file + ")";
      try {
        entries = Files.readAllLines(file);
      } catch (IOException e) {
        throw new IllegalArgumentException(where + ": cannot read the file: " + e.getMessage(), e);
      }
    } else {
      entries = Arrays.asList(setting.split(","));
    }
    Map<String, String> pinned = new LinkedHashMap<>();
    int n = 0;
    for (String raw : entries) {
      n++;
      int hash = raw.indexOf('#');
      String entry = (hash < 0 ? raw : raw.substring(0, hash)).strip();
      if (entry.isEmpty()) continue;
      int eq = entry.indexOf('=');
      String id = eq < 0 ? "" : entry.substring(0, eq).strip().toUpperCase(Locale.ROOT);
      String name = eq < 0 ? "" : entry.substring(eq + 1).strip();
      if (!id.matches("[UW][A-Z0-9]{2,30}") || name.isEmpty() || name.length() > 200) {
        throw new IllegalArgumentException(
            where + ": entry " + n + " is not SLACK_USER_ID=approver (e.g. U024BE7LH=alice)");
      }
      if (pinned.putIfAbsent(id, name) != null) {
        throw new IllegalArgumentException(where + ": entry " + n + " pins " + id + " again");
      }
    }
    return Map.copyOf(pinned);
  }
}
