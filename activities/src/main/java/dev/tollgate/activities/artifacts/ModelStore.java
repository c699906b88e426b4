package dev.tollgate.activities.artifacts;

import dev.tollgate.activities.Failures;
import dev.tollgate.spec.DataSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import smile.regression.DataFrameRegression;

/**
 * Model artifacts, content-addressed in an {@link ArtifactStore}: {@code models/<model>/<sha256 of
 * model.bin>/} holds {@code model.bin} (the Smile model, Java-serialized) and {@code
 * metadata.json}. The folder name is the digest, so the same model stored twice lands in the same
 * place and the second write transfers nothing. {@code model.bin} is written first and {@code
 * metadata.json} last, so an artifact with metadata is whole; the URI is handed out only after
 * both.
 */
public final class ModelStore {
  public static final String MODEL_FILE = "model.bin";
  public static final String METADATA_FILE = "metadata.json";

  /** Only Smile's and the JDK's classes may come out of a model file. */
  private static final ObjectInputFilter ONLY_SMILE =
      ObjectInputFilter.Config.createFilter("smile.**;java.**;!*");

  private final ArtifactStore artifacts;
  private final String prefix;

  /** Where a model was stored. */
  public record Stored(String uri, String digest) {}

  /** A model read back and checked against its digest. */
  public record Loaded(DataFrameRegression model, ModelMetadata metadata, String digest) {}

  /** Models under {@code models/} of {@code artifacts}, beside the reports. */
  public ModelStore(ArtifactStore artifacts) {
    this(artifacts, "models/");
  }

  /** Models directly under a local folder of their own. */
  public ModelStore(Path root) {
    this(new LocalArtifactStore(root), "");
  }

  private ModelStore(ArtifactStore artifacts, String prefix) {
    this.artifacts = artifacts;
    this.prefix = prefix;
  }

  public Stored store(ModelMetadata metadata, DataFrameRegression model) {
    byte[] bytes = serialize(model);
    String digest = Digests.sha256(bytes);
    String folder = prefix + ModelNames.check(metadata.model()) + "/" + digest;
    artifacts.put(folder + "/" + MODEL_FILE, bytes); // a no-op when these bytes are there
    String metadataKey = folder + "/" + METADATA_FILE;
    if (!artifacts.exists(metadataKey)) {
      // The first metadata stays: a retried training must not rewrite when the model was made.
      artifacts.put(metadataKey, Json.pretty(metadata.withModelSha256(digest)));
    }
    return new Stored(artifacts.uri(folder), digest);
  }

  /** Whether {@code artifactUri} names a stored model file (an unknown place is a failure). */
  public boolean exists(String artifactUri) {
    return artifacts.exists(artifacts.key(artifactUri) + "/" + MODEL_FILE);
  }

  /**
   * Reads a model folder, checking {@code model.bin} against {@code expectedDigest} (skipped when
   * {@code null}) and the model against this worker's Smile and the spec's columns ({@link
   * ModelCompatibility}). A missing, different or unusable model is an {@code ARTIFACT_MISMATCH}.
   */
  public Loaded load(String artifactUri, String expectedDigest, DataSpec data) {
    String folder = artifacts.key(artifactUri);
    String modelFile = artifacts.uri(folder + "/" + MODEL_FILE);
    if (!artifacts.exists(folder + "/" + METADATA_FILE)) {
      throw Failures.artifactMismatch(
          "model artifact " + artifactUri + " has no " + MODEL_FILE + " or " + METADATA_FILE);
    }
    ModelMetadata metadata = readMetadata(artifacts.get(folder + "/" + METADATA_FILE), artifactUri);
    byte[] bytes = artifacts.get(folder + "/" + MODEL_FILE);
    String digest = Digests.sha256(bytes);
    if (expectedDigest != null && !expectedDigest.equals(digest)) {
      throw Failures.artifactMismatch(
          modelFile + " has SHA-256 " + digest + " but the registry expects " + expectedDigest);
    }
    ModelCompatibility.check(metadata, data, artifactUri);
    return new Loaded(deserialize(bytes, modelFile), metadata, digest);
  }

  private static ModelMetadata readMetadata(byte[] json, String artifactUri) {
    try {
      return Json.mapper().readValue(json, ModelMetadata.class);
    } catch (IOException e) {
      throw Failures.artifactMismatch(
          artifactUri + "/" + METADATA_FILE + " is not valid model metadata: " + e.getMessage());
    }
  }

  private static byte[] serialize(DataFrameRegression model) {
    var buffer = new ByteArrayOutputStream();
    try (var out = new ObjectOutputStream(buffer)) {
      out.writeObject(model);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize " + model.getClass().getName(), e);
    }
    return buffer.toByteArray();
  }

  private static DataFrameRegression deserialize(byte[] bytes, String file) {
    try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      in.setObjectInputFilter(ONLY_SMILE);
      if (in.readObject() instanceof DataFrameRegression model) {
        return model;
      }
      throw Failures.artifactMismatch(file + " does not hold a Smile regression model");
    } catch (IOException | ClassNotFoundException e) {
      throw Failures.artifactMismatch(file + " cannot be read as a Smile model: " + e);
    }
  }
}
