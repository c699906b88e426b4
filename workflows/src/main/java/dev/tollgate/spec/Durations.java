package dev.tollgate.spec;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in specs: {@code 500ms}, {@code 90s}, {@code 30m}, {@code 48h},
 * {@code 7d}.
 */
public final class Durations {
  private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  /**
   * The longest duration a spec may give: ten years. Longer is a typo (a timer Temporal cannot
   * represent past 10,000 years, an approval nobody will live to give).
   */
  public static final Duration LONGEST = Duration.ofDays(3650);

  private Durations() {}

  /**
   * Parses a duration or returns {@code null} when the text is not one; the caller turns that into
   * a message naming the key. ISO-8601 ({@code PT48H}) is accepted too.
   */
  public static Duration parse(String text) {
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = SIMPLE.matcher(trimmed);
    if (m.matches()) {
      try {
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
      } catch (ArithmeticException | NumberFormatException tooLong) {
        return null; // more digits than a duration holds: the caller names the key
      }
    }
    try {
      return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException notIso) {
      return null;
    }
  }

  /** The short form, for messages and reports: 72h, 30m, 1500ms. */
  public static String format(Duration d) {
    if (d.toMillis() % 86_400_000 == 0 && !d.isZero()) return d.toDays() + "d";
    if (d.toMillis() % 3_600_000 == 0 && !d.isZero()) return d.toHours() + "h";
    if (d.toMillis() % 60_000 == 0 && !d.isZero()) return d.toMinutes() + "m";
    if (d.toMillis() % 1_000 == 0) return d.toSeconds() + "s";
    return d.toMillis() + "ms";
  }
}
