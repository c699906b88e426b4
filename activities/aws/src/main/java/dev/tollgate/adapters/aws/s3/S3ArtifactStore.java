package dev.tollgate.adapters.aws.s3;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.artifacts.Digests;
import dev.tollgate.activities.objects.S3Location;
import java.nio.file.Path;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Artifacts under an S3 prefix ({@code s3://bucket/prefix/models/...}). Before every upload one
 * HEAD asks whether the key already holds an object with the same SHA-256 (recorded as user
 * metadata when it was written); if so nothing is sent. S3's PUT is atomic per object, so readers
 * see the old object or the new one, never a part.
 */
public final class S3ArtifactStore implements ArtifactStore {
  private final S3Objects objects;
  private final S3Location root;

  /** {@code root} is the bucket and prefix every key goes under; an empty prefix is the bucket. */
  public S3ArtifactStore(S3Client s3, S3Location root) {
    this.objects = new S3Objects(s3);
    String prefix = root.key().endsWith("/") ? root.key() : root.key() + "/";
    this.root = new S3Location(root.bucket(), prefix.equals("/") ? "" : prefix);
  }

  @Override
  public Written put(String key, byte[] bytes) {
    S3Location at = location(key);
    String digest = Digests.sha256(bytes);
    if (holds(at, digest)) {
      return new Written(at.toString(), digest, false);
    }
    objects.put(at, bytes, digest);
    return new Written(at.toString(), digest, true);
  }

  @Override
  public Written put(String key, Path file) {
    S3Location at = location(key);
    String digest = Digests.sha256(file);
    if (holds(at, digest)) {
      return new Written(at.toString(), digest, false);
    }
    objects.put(at, file, digest);
    return new Written(at.toString(), digest, true);
  }

  @Override
  public byte[] get(String key) {
    S3Location at = location(key);
    return objects
        .get(at)
        .orElseThrow(() -> Failures.artifactMismatch("artifact " + at + " does not exist"));
  }

  @Override
  public boolean exists(String key) {
    return objects.head(location(key)).isPresent();
  }

  @Override
  public void delete(String key) {
    objects.delete(location(key));
  }

  @Override
  public String uri(String key) {
    return location(key).toString();
  }

  @Override
  public String key(String uri) {
    String prefix = root();
    if (!uri.startsWith(prefix) || uri.length() == prefix.length()) {
      throw ArtifactStore.foreign(uri, this);
    }
    String key = uri.substring(prefix.length());
    return ArtifactStore.checkKey(key.endsWith("/") ? key.substring(0, key.length() - 1) : key);
  }

  @Override
  public String root() {
    return root.toString();
  }

  private S3Location location(String key) {
    return root.resolve(ArtifactStore.checkKey(key));
  }

  private boolean holds(S3Location at, String digest) {
    return objects
        .head(at)
        .map(head -> digest.equals(head.metadata().get(S3Objects.SHA256)))
        .orElse(false);
  }
}
