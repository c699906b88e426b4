package dev.tollgate.serve;

import dev.tollgate.activities.serving.ServingPointer;
import dev.tollgate.spec.PipelineSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tollgate serve} pinned to one artifact: what an ECS deploy sets in the task definition
 * ({@code TOLLGATE_MODEL_NAME}, {@code _URI}, {@code _VERSION}, {@code _DIGEST}; docs/deploy.md).
 * The server then reads no pointer of a home: it serves that version under that name, its model
 * file's SHA-256 checked against the digest (a mismatch keeps it unready and every prediction 503).
 *
 * @param name TOLLGATE_MODEL_NAME
 * @param uri TOLLGATE_MODEL_URI: the model's artifact folder, {@code s3://…/models/<name>/<sha>}
 * @param version TOLLGATE_MODEL_VERSION
 * @param digest TOLLGATE_MODEL_DIGEST
 */
public record PinnedModel(String name, String uri, String version, String digest) {

  /** Whether any of the variables is set: then all four must be. */
  public boolean set() {
    return !blank(name) || !blank(uri) || !blank(version) || !blank(digest);
  }

  /** Refuses an incomplete or malformed set, naming each variable at fault. */
  public void check() {
    List<String> wrong = new ArrayList<>();
    if (blank(name) || !PipelineSpec.MODEL_NAME.matcher(name).matches()) {
      wrong.add("TOLLGATE_MODEL_NAME (a model name)");
    }
    if (blank(uri) || !(uri.startsWith("s3://") || uri.startsWith("file:"))) {
      wrong.add("TOLLGATE_MODEL_URI (s3://… or file:…)");
    }
    if (blank(version) || !version.strip().matches("[1-9][0-9]{0,8}")) {
      wrong.add("TOLLGATE_MODEL_VERSION (a version number)");
    }
    if (blank(digest) || !digest.strip().matches("[0-9a-f]{64}")) {
      wrong.add("TOLLGATE_MODEL_DIGEST (a SHA-256 in hex)");
    }
    if (!wrong.isEmpty()) {
      throw new IllegalArgumentException(
          "serving one model from the environment needs all four TOLLGATE_MODEL_* variables; missing"
              + " or malformed: "
              + String.join(", ", wrong));
    }
  }

  /**
   * The artifact store the URI is in, when none is configured: the URI up to {@code /models/}, the
   * folder every Tollgate store keeps models under.
   */
  public String storeRoot() {
    int at = uri.lastIndexOf("/models/");
    if (at <= 0) {
      throw new IllegalArgumentException(
          "TOLLGATE_MODEL_URI is not a Tollgate model folder (…/models/<name>/<sha256>): set"
              + " TOLLGATE_ARTIFACTS to its artifact store");
    }
    return uri.substring(0, at);
  }

  /** A serving folder of its own holding this model's pointer, for the usual serving to read. */
  public Path servingFolder() {
    try {
      Path dir = Files.createTempDirectory("tollgate-serve-pinned");
      new ServingPointer(
              name,
              Integer.parseInt(version.strip()),
              "ecs",
              uri.strip(),
              digest.strip(),
              "ecs",
              Instant.now().toString(),
              null,
              List.of(),
              null,
              null)
          .write(dir.resolve(name).resolve("current.json"));
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a serving folder for the pinned model", e);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
