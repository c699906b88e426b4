package dev.tollgate.activities.data;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.objects.S3Location;
import java.util.List;

/**
 * The S3 buckets, or folders of them, a worker reads datasets from ({@code
 * tollgate.data-access.buckets}): {@code bucket} for all of it, {@code bucket/prefix} for the keys
 * under {@code prefix/}. The worker's AWS role can usually read more than its datasets (the
 * artifact store, other teams' buckets); a spec must not be the one choosing. A key with a {@code
 * .} or {@code ..} segment is refused outright: S3 keeps it literally, but an HTTP layer on the way
 * may resolve it and fetch another key than the one checked.
 */
public final class DataBuckets {
  private final List<S3Location> allowed;
  private final boolean anywhere;

  private DataBuckets(List<S3Location> allowed, boolean anywhere) {
    this.allowed = allowed;
    this.anywhere = anywhere;
  }

  /**
   * Each entry {@code bucket} or {@code bucket/prefix}, optionally written {@code s3://...}.
   *
   * @throws IllegalArgumentException naming an entry that is not a bucket name
   */
  public static DataBuckets of(List<String> entries) {
    return new DataBuckets(entries.stream().map(DataBuckets::entry).toList(), false);
  }

  /** Every bucket the worker's credentials reach: for tests and tools, never a worker. */
  public static DataBuckets anywhere() {
    return new DataBuckets(List.of(), true);
  }

  /** The allowed entries, as {@code bucket/prefix/}, for the start-up line and refusals. */
  public List<String> entries() {
    return allowed.stream().map(at -> at.bucket() + "/" + at.key()).toList();
  }

  void check(String uri, S3Location at) {
    for (String segment : at.key().split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        throw Failures.invalidData(
            "dataset "
                + uri
                + " has a '"
                + segment
                + "' segment in its key; name the object"
                + " by its plain key");
      }
    }
    if (anywhere) return;
    for (S3Location a : allowed) {
      if (a.bucket().equals(at.bucket()) && at.key().startsWith(a.key())) return;
    }
    throw Failures.invalidData(
        "dataset "
            + uri
            + " is outside the S3 buckets this worker reads datasets from ("
            + (allowed.isEmpty() ? "none" : String.join(", ", entries()))
            + "; tollgate.data-access.buckets, TOLLGATE_DATA_BUCKETS): ask the worker's operator"
            + " to add it");
  }

  private static S3Location entry(String raw) {
    String text = raw.strip();
    if (text.startsWith(S3Location.SCHEME)) text = text.substring(S3Location.SCHEME.length());
    int slash = text.indexOf('/');
    String bucket = slash < 0 ? text : text.substring(0, slash);
    String prefix = slash < 0 ? "" : text.substring(slash + 1);
    // a prefix is a folder: "exports" allows exports/a.csv, not exports-old/a.csv
    if (!prefix.isEmpty() && !prefix.endsWith("/")) prefix = prefix + "/";
    try {
      return new S3Location(bucket, prefix);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "tollgate.data-access.buckets: '" + raw + "': " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return anywhere ? "anywhere" : entries().toString();
  }
}
