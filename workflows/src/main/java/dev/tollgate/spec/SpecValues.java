package dev.tollgate.spec;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Value shapes that several sections share (an enum in any case, a share, a positive number, a
 * dataset URI), read so that every section words the same mistake the same way.
 */
final class SpecValues {
  private SpecValues() {}

  static <E extends Enum<E>> E enumValue(YamlSection s, String key, Class<E> type, E fallback) {
    String text = s.string(key, fallback == null);
    if (text == null) return fallback;
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names =
          java.util.Arrays.stream(type.getEnumConstants())
              .map(c -> c.name().toLowerCase(Locale.ROOT))
              .toList();
      throw s.error(key, "expected one of " + names + ", got '" + text + "'");
    }
  }

  /** Runs a record constructor; its own checks become errors on the section's key. */
  static <T> T build(YamlSection s, String key, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw s.error(key, e.getMessage());
    }
  }

  static Double share(YamlSection s, String key, double fallback) {
    Double v = s.number(key, false);
    if (v == null) return fallback;
    if (v < 0 || v > 1) throw s.error(key, "expected a share from 0 to 1 such as 0.05, got " + v);
    return v;
  }

  static Double positive(YamlSection s, String key, double fallback) {
    Double v = s.number(key, false);
    if (v == null) return fallback;
    if (v <= 0) throw s.error(key, "expected a positive number, got " + v);
    return v;
  }

  /**
   * A dataset URI under {@code key} ({@code data.train}, {@code schedule.drift_data}): {@code
   * s3://} as written, {@code file:} resolved against the spec's folder; {@code null} when absent.
   */
  static String datasetUri(YamlSection s, String key, Path baseDir) {
    String text = s.string(key, key.equals("train"));
    if (text == null) return null;
    if (text.startsWith("s3://")) {
      if (text.length() <= 5 || !text.substring(5).contains("/")) {
        throw s.error(key, "expected s3://bucket/key, got '" + text + "'");
      }
      return text;
    }
    if (!text.startsWith("file:")) {
      throw s.error(key, "expected a file: or s3:// URI, got '" + text + "'");
    }
    String path = text.substring("file:".length());
    if (path.startsWith("//")) path = URI.create(text).getPath();
    Path p = Path.of(path);
    if (!p.isAbsolute()) p = (baseDir == null ? Path.of("") : baseDir).resolve(p);
    String uri = p.toAbsolutePath().normalize().toUri().toString();
    // The slash says what the spec meant, whatever is on this machine now (toUri adds one for an
    // existing folder): file:data/parts/ is a folder of Parquet part files, even before it
    // exists; file:load.csv names a file, even where a folder of that name is in the way.
    if (text.endsWith("/") && !uri.endsWith("/")) return uri + "/";
    if (!text.endsWith("/") && uri.endsWith("/")) return uri.substring(0, uri.length() - 1);
    return uri;
  }

  /**
   * A value the spec gave, as an error may show it: control characters as spaces, cut at 80
   * characters, so a long or multi-line value never floods the message.
   */
  static String shown(String text) {
    String clean = text.replaceAll("\\p{Cntrl}", " ");
    return clean.length() > 80 ? clean.substring(0, 80) + "…" : clean;
  }

  /** A number as a person writes it: {@code 3}, not {@code 3.0}. */
  static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
