package dev.tollgate.activities.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns one load uses, as read: the features (in spec or schema order), the target and the
 * optional timestamp (epoch milliseconds). What the missing-value policy, the class labels and the
 * encoder then work on.
 *
 * @param source the file name, for messages
 * @param target {@code null} for a load of the model inputs only
 * @param time {@code null} when the spec has no {@code data.timestamp}
 */
record RawTable(String source, List<RawColumn> features, RawColumn target, RawColumn time) {

  /** Empty columns for the given features; {@code categorical} says which hold categories. */
  static RawTable plan(
      String source,
      List<String> features,
      List<String> categorical,
      String target,
      boolean labels,
      String timestamp) {
    List<RawColumn> columns = new ArrayList<>();
    for (String f : features) {
      columns.add(new RawColumn(f, categorical.contains(f)));
    }
    return new RawTable(
        source,
        List.copyOf(columns),
        target == null ? null : new RawColumn(target, labels),
        timestamp == null ? null : new RawColumn(timestamp, false));
  }

  /** Rows read; a table without a target (drift data, which may be unlabelled) counts a feature. */
  int rows() {
    return target != null ? target.size() : features.getFirst().size();
  }

  /** Every column read, target and timestamp last: the order the reader fills them. */
  List<RawColumn> all() {
    List<RawColumn> all = new ArrayList<>(features);
    if (target != null) all.add(target);
    if (time != null) all.add(time);
    return all;
  }

  /** Keeps only the rows where {@code keep} is true, in every column. */
  void retain(boolean[] keep) {
    all().forEach(c -> c.retain(keep));
  }
}
