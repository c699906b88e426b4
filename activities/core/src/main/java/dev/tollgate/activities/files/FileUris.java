package dev.tollgate.activities.files;

import dev.tollgate.activities.Failures;
import java.net.URI;
import java.nio.file.Path;

/**
 * Turns the {@code file:} URIs that workflows pass around into local paths. {@code s3://} URIs are
 * read elsewhere ({@code DatasetFiles}, {@code S3ArtifactStore}); one reaching this class is
 * refused as unsupported, once, instead of being retried.
 */
public final class FileUris {
  private static final String FILE = "file:";
  private static final String S3 = "s3://";

  private FileUris() {}

  /** A dataset URI from a spec's {@code data.train}. */
  public static Path dataset(String uri) {
    if (uri.startsWith(S3)) {
      throw Failures.unsupported("dataset " + uri + " is in S3, not a local file");
    }
    return local(uri, "dataset");
  }

  /** An artifact URI (model folder, report) written by this module. */
  public static Path artifact(String uri) {
    if (uri.startsWith(S3)) {
      throw Failures.unsupported("artifact " + uri + " is in S3, not a local file");
    }
    return local(uri, "artifact");
  }

  private static Path local(String uri, String what) {
    if (!uri.startsWith(FILE)) {
      throw Failures.invalidData(
          what + " '" + uri + "' is not a file: URI (expected file:/absolute/path)");
    }
    try {
      // file:/a/b and file:///a/b both parse; a path with spaces or other unescaped characters
      // does not, and is then taken literally.
      return Path.of(URI.create(uri)).normalize();
    } catch (IllegalArgumentException notAUri) {
      Path path = Path.of(uri.substring(FILE.length()));
      if (!path.isAbsolute()) {
        throw Failures.invalidData(what + " '" + uri + "' must be an absolute file: URI");
      }
      return path.normalize();
    }
  }

  /** The URI this module hands out for a local file or folder. */
  public static String of(Path path) {
    return path.toAbsolutePath().normalize().toUri().toString();
  }
}
