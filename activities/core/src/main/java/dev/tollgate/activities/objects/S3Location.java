package dev.tollgate.activities.objects;

import java.util.regex.Pattern;

/**
 * A bucket and a key, parsed from {@code s3://bucket/key}. The key may be empty (a bucket root or a
 * store's prefix); it never starts with a slash.
 */
public record S3Location(String bucket, String key) {
  public static final String SCHEME = "s3://";

  /** S3's bucket naming rules, loosely: what a typo would break, not every AWS restriction. */
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  public S3Location {
    if (bucket == null || !BUCKET.matcher(bucket).matches()) {
      throw new IllegalArgumentException(
          "'" + bucket + "' is not an S3 bucket name (3-63 lowercase letters, digits, '.', '-')");
    }
    key = key == null ? "" : key;
    if (key.startsWith("/")) {
      throw new IllegalArgumentException("S3 key '" + key + "' must not start with '/'");
    }
  }

  public static boolean isS3(String uri) {
    return uri != null && uri.startsWith(SCHEME);
  }

  /**
   * Parses {@code s3://bucket/key}; throws IllegalArgumentException naming the URI if it is not.
   */
  public static S3Location parse(String uri) {
    if (!isS3(uri)) {
      throw new IllegalArgumentException("'" + uri + "' is not an s3://bucket/key URI");
    }
    String rest = uri.substring(SCHEME.length());
    int slash = rest.indexOf('/');
    try {
      return slash < 0
          ? new S3Location(rest, "")
          : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(uri + ": " + e.getMessage(), e);
    }
  }

  /** The location of {@code relative} under this one, as a folder: {@code prefix/relative}. */
  public S3Location resolve(String relative) {
    return new S3Location(bucket, key.isEmpty() ? relative : stripSlash(key) + "/" + relative);
  }

  /** The last segment of the key: a file name for temporary copies and messages. */
  public String fileName() {
    String k = stripSlash(key);
    return k.substring(k.lastIndexOf('/') + 1);
  }

  @Override
  public String toString() {
    return SCHEME + bucket + "/" + key;
  }

  private static String stripSlash(String k) {
    return k.endsWith("/") ? k.substring(0, k.length() - 1) : k;
  }
}
