package dev.tollgate.cli.common;

import dev.tollgate.spec.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A DURATION option as a spec writes one: {@code 90s}, {@code 5m}, {@code 1h} (or ISO PT5M). */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    Duration d = Durations.parse(value);
    if (d == null || d.isNegative()) {
      throw new TypeConversionException(
          "expected a duration such as 30s, 5m or 1h, got '" + value + "'");
    }
    return d;
  }
}
