package dev.tollgate.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where the training data is and which columns matter.
 *
 * @param train dataset URI: {@code file:/absolute/path.csv} (relative paths are resolved against
 *     the spec's folder by the parser) or {@code s3://bucket/key}; plain or gzip-compressed CSV
 * @param maxAge optional freshness limit; {@code null} means any age
 * @param categorical the features holding categories rather than numbers (one-hot encoded)
 * @param timestamp optional column that orders rows in time; when set, the holdout is the latest
 *     rows instead of a seeded random sample
 * @param missing what to do with missing values; {@code null} (older payloads) means {@code FAIL}
 * @param maxClasses most distinct target values a classification may have; {@code null} (older
 *     payloads, other tasks) means {@link #DEFAULT_MAX_CLASSES}
 * @param maxBytes the largest dataset file a stage will read (the table is held in memory); {@code
 *     null} (older payloads, specs without it) means {@link #DEFAULT_MAX_BYTES}
 * @param rowLimit the stages read at most this many data rows of the file; not a key of the {@code
 *     data} section but a pull request's check run's bound ({@code pull_request.max_rows}), set for
 *     that run only ({@link #withRowLimit}); {@code null} (every other run): every row, and left
 *     out of the JSON so those runs' payloads and spec digests are what they were
 * @param format {@code data.format}; {@code null} (older payloads, specs without it): the URI's
 *     name decides ({@link DataFormat#of}), and left out of the JSON, so a spec without the key has
 *     the payload and spec digest it had before the key existed
 */
public record DataSpec(
    String train,
    String target,
    List<String> features,
    int minRows,
    Duration maxAge,
    List<String> categorical,
    String timestamp,
    MissingPolicy missing,
    Integer maxClasses,
    Long maxBytes,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long rowLimit,
    @JsonInclude(JsonInclude.Include.NON_NULL) DataFormat format) {

  /** 1 GiB: a CSV that size takes several GiB of heap once parsed into columns. */
  public static final long DEFAULT_MAX_BYTES = 1L << 30;

  /**
   * More distinct labels than this is almost always a regression target given to a classifier (a
   * price, a measurement), which would train for minutes on thousands of classes.
   */
  public static final int DEFAULT_MAX_CLASSES = 100;

  public DataSpec {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(target, "target");
    features = List.copyOf(features);
    categorical = categorical == null ? List.of() : List.copyOf(categorical);
    missing = missing == null ? MissingPolicy.FAIL : missing;
    if (features.isEmpty()) {
      throw new IllegalArgumentException("features must name at least one column");
    }
    if (features.contains(target)) {
      throw new IllegalArgumentException("the target '" + target + "' cannot also be a feature");
    }
    if (features.stream().distinct().count() != features.size()) {
      throw new IllegalArgumentException("features must not repeat a column");
    }
    if (minRows < 1) {
      throw new IllegalArgumentException("min_rows must be at least 1, got " + minRows);
    }
    for (String c : categorical) {
      if (!features.contains(c)) {
        throw new IllegalArgumentException("categorical column '" + c + "' is not a feature");
      }
    }
    if (timestamp != null && (timestamp.equals(target) || features.contains(timestamp))) {
      throw new IllegalArgumentException(
          "the timestamp '" + timestamp + "' orders rows; it cannot be the target or a feature");
    }
    if (maxClasses != null && maxClasses < 2) {
      throw new IllegalArgumentException("max_classes must be at least 2, got " + maxClasses);
    }
    if (maxBytes != null && maxBytes < 1) {
      throw new IllegalArgumentException("max_bytes must be positive, got " + maxBytes);
    }
    if (rowLimit != null && rowLimit < 1) {
      throw new IllegalArgumentException("max_rows must be at least 1, got " + rowLimit);
    }
  }

  /** Every key but {@code data.format} (the URI decides), with a row limit. */
  public DataSpec(
      String train,
      String target,
      List<String> features,
      int minRows,
      Duration maxAge,
      List<String> categorical,
      String timestamp,
      MissingPolicy missing,
      Integer maxClasses,
      Long maxBytes,
      Long rowLimit) {
    this(
        train,
        target,
        features,
        minRows,
        maxAge,
        categorical,
        timestamp,
        missing,
        maxClasses,
        maxBytes,
        rowLimit,
        null);
  }

  /** Every key but {@code data.format} (the URI decides), no row limit. */
  public DataSpec(
      String train,
      String target,
      List<String> features,
      int minRows,
      Duration maxAge,
      List<String> categorical,
      String timestamp,
      MissingPolicy missing,
      Integer maxClasses,
      Long maxBytes) {
    this(
        train,
        target,
        features,
        minRows,
        maxAge,
        categorical,
        timestamp,
        missing,
        maxClasses,
        maxBytes,
        null);
  }

  /** Every key but {@code max_bytes}, which takes its default. */
  public DataSpec(
      String train,
      String target,
      List<String> features,
      int minRows,
      Duration maxAge,
      List<String> categorical,
      String timestamp,
      MissingPolicy missing,
      Integer maxClasses) {
    this(
        train,
        target,
        features,
        minRows,
        maxAge,
        categorical,
        timestamp,
        missing,
        maxClasses,
        null);
  }

  /** Every key but {@code max_classes} and {@code max_bytes}, which take their defaults. */
  public DataSpec(
      String train,
      String target,
      List<String> features,
      int minRows,
      Duration maxAge,
      List<String> categorical,
      String timestamp,
      MissingPolicy missing) {
    this(train, target, features, minRows, maxAge, categorical, timestamp, missing, null);
  }

  /** Numeric features only, no timestamp, missing values refused: the shape before issue 4. */
  public DataSpec(
      String train, String target, List<String> features, int minRows, Duration maxAge) {
    this(train, target, features, minRows, maxAge, List.of(), null, MissingPolicy.FAIL, null);
  }

  /** The same columns and rules over another file ({@code schedule.drift_data}). */
  public DataSpec withTrain(String uri) {
    return new DataSpec(
        uri,
        target,
        features,
        minRows,
        maxAge,
        categorical,
        timestamp,
        missing,
        maxClasses,
        maxBytes,
        rowLimit,
        format);
  }

  /**
   * The same data read no further than {@code rows} data rows: a pull request's check run ({@code
   * pull_request.max_rows}); {@code null} reads every row.
   */
  public DataSpec withRowLimit(Long rows) {
    return new DataSpec(
        train,
        target,
        features,
        minRows,
        maxAge,
        categorical,
        timestamp,
        missing,
        maxClasses,
        maxBytes,
        rows,
        format);
  }

  /** The same data in {@code format} ({@code data.format}); {@code null}: the URI decides. */
  public DataSpec withFormat(DataFormat format) {
    return new DataSpec(
        train,
        target,
        features,
        minRows,
        maxAge,
        categorical,
        timestamp,
        missing,
        maxClasses,
        maxBytes,
        rowLimit,
        format);
  }

  /** The format {@link #train} is read in: {@code data.format}, or what its name says. */
  public DataFormat dataFormat() {
    return DataFormat.of(format, train);
  }

  /** The classification limit on distinct target values, its default when the spec has none. */
  public int classLimit() {
    return maxClasses == null ? DEFAULT_MAX_CLASSES : maxClasses;
  }

  /** The file size limit, its default when the spec has none. */
  public long byteLimit() {
    return maxBytes == null ? DEFAULT_MAX_BYTES : maxBytes;
  }

  public boolean isCategorical(String feature) {
    return categorical.contains(feature);
  }
}
