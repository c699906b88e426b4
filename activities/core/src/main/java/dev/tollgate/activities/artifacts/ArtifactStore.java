package dev.tollgate.activities.artifacts;

import dev.tollgate.activities.Failures;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where model artifacts and validation reports live: a local folder or an S3 prefix. Objects are
 * addressed by a relative key ({@code models/energy-load/<sha256>/model.bin}); workflows only ever
 * see the URI of a key, never bytes. Writing is content-addressed: a put whose key already holds
 * the same SHA-256 transfers nothing, so a retried activity costs no second upload.
 */
public interface ArtifactStore {

  /** Keys are relative, slash-separated, of plain characters: no "..", no leading slash. */
  Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

  /**
   * What a put did.
   *
   * @param uri where the object is now
   * @param sha256 the digest of its bytes
   * @param written false when the key already held these bytes and nothing was transferred
   */
  record Written(String uri, String sha256, boolean written) {}

  /** Stores {@code bytes} under {@code key}, unless the key already holds exactly these bytes. */
  Written put(String key, byte[] bytes);

  /** Stores a file's content under {@code key}, streaming it: for artifacts too big for memory. */
  Written put(String key, Path file);

  /** The bytes under {@code key}; a missing object is an {@code ARTIFACT_MISMATCH} failure. */
  byte[] get(String key);

  boolean exists(String key);

  /**
   * Removes the object under {@code key}; nothing happens when there is none. For what Tollgate
   * only stages for a while (a Ray job's inputs and results), never for a model or a report.
   */
  void delete(String key);

  /** The URI of {@code key}: {@code file:/...} or {@code s3://bucket/prefix/key}. */
  String uri(String key);

  /**
   * The key of a URI this store handed out. A URI of another store (a registry written before the
   * worker moved to S3, say) is an {@code ARTIFACT_MISMATCH} failure naming both places.
   */
  String key(String uri);

  /** The store's own root, as a URI, for messages. */
  String root();

  /** Checks a key before any path or object name is built from it. */
  static String checkKey(String key) {
    if (key == null
        || !KEY.matcher(key).matches()
        || ("/" + key + "/").contains("/../")
        || ("/" + key + "/").contains("/./")) {
      throw Failures.invalidData(
          "artifact key '" + key + "' is not a relative path of plain names");
    }
    return key;
  }

  /** The failure for a URI that is not under {@code store}. */
  static RuntimeException foreign(String uri, ArtifactStore store) {
    return Failures.artifactMismatch(
        "artifact " + uri + " is not in this worker's artifact store " + store.root());
  }
}
