package dev.tollgate.spec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where the training data is and which columns matter.
 *
 * @param train dataset URI: {@code file:/absolute/path.csv} (relative paths are resolved against
 *     the spec's folder by the parser) or {@code s3://bucket/key}
 * @param maxAge optional freshness limit; {@code null} means any age
 */
public record DataSpec(
    String train, String target, List<String> features, int minRows, Duration maxAge) {

  public DataSpec {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(target, "target");
    features = List.copyOf(features);
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
  }
}
