package dev.tollgate.cli.common;

import dev.tollgate.pipeline.StageRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** How the CLI writes times, durations and stage lines: one place, so every command agrees. */
public final class Show {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

  private Show() {}

  /** "0.4s", "12.3s", "3m 12s", "5h 03m", "3d 02h". */
  public static String duration(long millis) {
    if (millis < 60_000) return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    Duration d = Duration.ofMillis(millis);
    if (d.toHours() < 1) return d.toMinutes() + "m " + pad(d.toSecondsPart()) + "s";
    if (d.toDays() < 1) return d.toHours() + "h " + pad(d.toMinutesPart()) + "m";
    return d.toDays() + "d " + pad(d.toHoursPart()) + "h";
  }

  /** A moment in the local time zone, e.g. "2026-11-22 10:18:45 UTC". */
  public static String time(long epochMillis) {
    return WHEN.format(Instant.ofEpochMilli(epochMillis).atZone(ZoneId.systemDefault()));
  }

  /** "(3m 12s ago)" or "(in 71h 58m)" relative to now. */
  public static String relative(long epochMillis, long nowMillis) {
    long delta = epochMillis - nowMillis;
    return delta >= 0 ? "(in " + duration(delta) + ")" : "(" + duration(-delta) + " ago)";
  }

  /** " ✓ TRAINING 12.3s rmse 41.2, r2 0.87". */
  public static String stage(StageRecord r) {
    String summary = r.summary() == null ? "" : r.summary();
    return String.format(
            Locale.ROOT,
            "  %s %-18s %8s  %s",
            r.ok() ? "✓" : "✗",
            r.stage(),
            duration(r.durationMillis()),
            summary)
        .stripTrailing();
  }

  /** "alice", "alice or bob", "alice, bob or carol". */
  public static String either(List<String> names) {
    if (names.size() <= 1) return String.join("", names);
    return String.join(", ", names.subList(0, names.size() - 1))
        + " or "
        + names.get(names.size() - 1);
  }

  private static String pad(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }
}
