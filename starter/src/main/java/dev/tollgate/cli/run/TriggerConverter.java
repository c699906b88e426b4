package dev.tollgate.cli.run;

import dev.tollgate.pipeline.Trigger;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --trigger schedule|drift|volume|manual}, as the search attribute spells them. */
final class TriggerConverter implements ITypeConverter<Trigger> {
  @Override
  public Trigger convert(String value) {
    try {
      return Trigger.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(
          "expected one of "
              + Arrays.stream(Trigger.values()).map(Trigger::value).toList()
              + ", got '"
              + value
              + "'");
    }
  }
}
