package dev.tollgate.activities.artifacts;

import dev.tollgate.activities.objects.S3Location;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Function;

/** Opens the artifact store a worker is configured with ({@code tollgate.artifacts.uri}). */
public final class ArtifactStores {
  private ArtifactStores() {}

  /**
   * {@code uri} is blank ({@code <home>/artifacts}), {@code file:PATH} (absolute, or relative to
   * the working folder: {@code file:.tollgate/artifacts}) or {@code s3://bucket/prefix}. Anything
   * else is refused at start-up, before a run could write somewhere unexpected.
   *
   * @param objectStores opens a store under an {@code s3://} root: the AWS adapter's {@code
   *     S3ArtifactStore}
   */
  public static ArtifactStore open(
      String uri, Path home, Function<S3Location, ArtifactStore> objectStores) {
    if (uri == null || uri.isBlank()) {
      return new LocalArtifactStore(home.resolve("artifacts"));
    }
    if (S3Location.isS3(uri)) {
      return objectStores.apply(S3Location.parse(uri));
    }
    if (uri.startsWith("file:")) {
      return new LocalArtifactStore(localPath(uri));
    }
    throw new IllegalArgumentException(
        "artifact store '" + uri + "' is neither file:PATH nor s3://bucket/prefix");
  }

  private static Path localPath(String uri) {
    String path = uri.substring("file:".length());
    if (path.startsWith("/")) {
      try {
        return Path.of(URI.create(uri)); // file:/a, file:///a, with %-escapes
      } catch (IllegalArgumentException literal) {
        return Path.of(path); // unescaped characters: taken as written
      }
    }
    return Path.of(path).toAbsolutePath(); // file:relative is not a URI Path.of accepts
  }
}
