package dev.tollgate.activities.files;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The one JSON configuration of every file Tollgate writes: snake_case field names (stable for
 * people and scripts reading them), map keys sorted (so equal content gives equal bytes), unknown
 * fields ignored on read (so older workers read newer files).
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static final ObjectWriter PRETTY =
      MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Indented, for files people open. */
  public static byte[] pretty(Object value) {
    try {
      return PRETTY.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /** One line, for JSON-lines logs. */
  public static String line(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  public static <T> T read(Path file, Class<T> type) {
    try {
      return MAPPER.readValue(file.toFile(), type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " as " + type.getSimpleName(), e);
    }
  }
}
