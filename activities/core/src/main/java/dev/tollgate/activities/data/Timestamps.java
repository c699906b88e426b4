package dev.tollgate.activities.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the {@code data.timestamp} column as epoch milliseconds. Accepts what exports write: epoch
 * seconds ({@code 1700000000}, {@code 1700000000.25}), an ISO-8601 date ({@code 2024-03-01}) or
 * date-time with or without an offset ({@code 2024-03-01T10:15:30Z}, {@code
 * 2024-03-01T10:15:30+01:00}, {@code 2024-03-01 10:15:30}). A value without an offset is taken as
 * UTC: only the order of rows matters for the split, and UTC makes it the same on every worker. The
 * format is chosen by the shape of the text, so no exception is thrown per row while trying.
 * Milliseconds are kept in a double, exact for any date within 285,000 years of 1970.
 */
final class Timestamps {
  private Timestamps() {}

  /**
   * Epoch milliseconds of {@code text}.
   *
   * @throws IllegalArgumentException naming the accepted formats when it does not parse
   */
  static double parse(String text) {
    try {
      if (text.length() == 10 && text.charAt(4) == '-') {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      }
      if (text.length() > 10 && text.charAt(4) == '-') {
        return dateTime(text.charAt(10) == ' ' ? text.replace(' ', 'T') : text);
      }
      double seconds = FastDoubles.parse(text, 0, text.length());
      if (Double.isFinite(seconds)) {
        return Math.floor(seconds * 1000);
      }
    } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
      // refused below with the formats that are accepted
    }
    throw new IllegalArgumentException(
        dev.tollgate.activities.Echo.value(text)
            + " is not a timestamp; expected epoch seconds (1700000000) or ISO-8601"
            + " (2024-03-01, 2024-03-01T10:15:30Z, 2024-03-01 10:15:30)");
  }

  private static double dateTime(String text) {
    TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
    Instant instant =
        parsed.isSupported(ChronoField.OFFSET_SECONDS)
            ? Instant.from(parsed)
            : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
    return instant.toEpochMilli();
  }
}
