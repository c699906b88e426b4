package dev.tollgate.spec;

import java.util.Locale;

/**
 * How a dataset's bytes are laid out ({@code data.format}). Absent from a spec, the dataset's URI
 * decides ({@link #of}): a name ending {@code .parquet} or {@code .pq}, or a folder ({@code
 * file:data/parts/}, {@code s3://bucket/prefix/}) of part files, is Parquet; anything else is CSV,
 * plain or gzip, as before the key existed.
 */
public enum DataFormat {
  /** Text with a header line, comma-separated, plain or gzip-compressed. */
  CSV,
  /** Apache Parquet: one file, or a folder of part files read as one table. */
  PARQUET;

  /** {@code given} when the spec names a format, otherwise what {@code uri}'s name says. */
  public static DataFormat of(DataFormat given, String uri) {
    if (given != null) return given;
    String name = uri.toLowerCase(Locale.ROOT);
    return name.endsWith(".parquet") || name.endsWith(".pq") || name.endsWith("/") ? PARQUET : CSV;
  }
}
