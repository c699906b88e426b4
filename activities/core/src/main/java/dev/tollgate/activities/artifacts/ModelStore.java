package dev.tollgate.activities.artifacts;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.files.Json;
import dev.tollgate.activities.models.ModelCodec;
import dev.tollgate.activities.models.ModelContract;
import dev.tollgate.activities.models.ModelFormat;
import dev.tollgate.activities.models.Predictor;
import dev.tollgate.spec.DataSpec;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Model artifacts, content-addressed in an {@link ArtifactStore}: {@code models/<model>/<sha256 of
 * the model file>/} holds the model file and {@code metadata.json}, which names the file and its
 * {@link ModelFormat}: {@code model.ubj} for XGBoost (its own portable format), {@code model.bin}
 * for Smile (Java-serialized), {@code model.onnx} for ONNX. The folder name is the digest, so the
 * same model stored twice lands in the same place and the second write transfers nothing. The model
 * file is written first and {@code metadata.json} last, so an artifact with metadata is whole.
 */
public final class ModelStore {
  /** The model file of artifacts that predate {@code model_file} in their metadata. */
  public static final String MODEL_FILE = ModelFormat.JAVA_SERIALIZED.file();

  public static final String METADATA_FILE = "metadata.json";

  private final ArtifactStore artifacts;
  private final String prefix;

  /** Where a model was stored. */
  public record Stored(String uri, String digest) {}

  /** A model read back and checked against its digest. */
  public record Loaded(Predictor model, ModelMetadata metadata, String digest) {}

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

  public Stored store(ModelMetadata metadata, Predictor model) {
    return store(metadata, model.format(), model.bytes());
  }

  /**
   * Stores a model file as it is, without loading it: a model Tollgate did not train (an ONNX file
   * a training command left) is checked when the stages load it, against this metadata.
   */
  public Stored store(ModelMetadata metadata, ModelFormat format, byte[] bytes) {
    String digest = Digests.sha256(bytes);
    String file = format.file();
    String folder = prefix + ModelNames.check(metadata.model()) + "/" + digest;
    // A no-op when these bytes are there; repairs a damaged file left by a crashed attempt.
    artifacts.put(folder + "/" + file, bytes);
    String metadataKey = folder + "/" + METADATA_FILE;
    if (!artifacts.exists(metadataKey)) {
      // The first metadata stays: a retried training must not rewrite when the model was made.
      artifacts.put(metadataKey, Json.pretty(metadata.withModelFile(file, format.id(), digest)));
    }
    return new Stored(artifacts.uri(folder), digest);
  }

  /** The drift reference kept beside a model's files. */
  public static final String REFERENCE_FILE = "reference.json";

  /**
   * Keeps the drift reference of a stored model beside it; the first one stays (a retried training
   * writes the same).
   */
  public void storeReference(String artifactUri, dev.tollgate.activities.data.ReferenceSample ref) {
    String key = artifacts.key(artifactUri) + "/" + REFERENCE_FILE;
    if (!artifacts.exists(key)) {
      artifacts.put(key, Json.pretty(ref));
    }
  }

  /**
   * The drift reference of a stored model, or {@code null} for a model stored without one (before
   * references were kept) or with one this worker cannot read.
   */
  public dev.tollgate.activities.data.ReferenceSample reference(String artifactUri) {
    String key = artifacts.key(artifactUri) + "/" + REFERENCE_FILE;
    if (!artifacts.exists(key)) return null;
    try {
      return Json.mapper()
          .readValue(artifacts.get(key), dev.tollgate.activities.data.ReferenceSample.class);
    } catch (IOException e) {
      return null;
    }
  }

  /** A stored model's metadata only, without reading or checking its model file. */
  public ModelMetadata metadata(String artifactUri) {
    String key = artifacts.key(artifactUri) + "/" + METADATA_FILE;
    if (!artifacts.exists(key)) {
      throw Failures.artifactMismatch("model artifact " + artifactUri + " has no " + METADATA_FILE);
    }
    return readMetadata(artifacts.get(key), artifactUri);
  }

  /**
   * The files of a stored model by name: its metadata, the model file and, when stored, the
   * reference sample, for copies elsewhere (MLflow's artifact store).
   */
  public java.util.Map<String, byte[]> files(String artifactUri) {
    String folder = artifacts.key(artifactUri);
    java.util.Map<String, byte[]> out = new java.util.LinkedHashMap<>();
    byte[] metadataBytes = artifacts.get(folder + "/" + METADATA_FILE); // one read: parsed and kept
    ModelMetadata metadata = readMetadata(metadataBytes, artifactUri);
    out.put(METADATA_FILE, metadataBytes);
    out.put(modelFileName(metadata), artifacts.get(folder + "/" + modelFileName(metadata)));
    if (artifacts.exists(folder + "/" + REFERENCE_FILE)) {
      out.put(REFERENCE_FILE, artifacts.get(folder + "/" + REFERENCE_FILE));
    }
    return out;
  }

  /** Whether {@code artifactUri} names a whole stored model (an unknown place is a failure). */
  public boolean exists(String artifactUri) {
    String folder = artifacts.key(artifactUri);
    if (!artifacts.exists(folder + "/" + METADATA_FILE)) return false;
    ModelMetadata metadata = readMetadata(artifacts.get(folder + "/" + METADATA_FILE), artifactUri);
    return artifacts.exists(folder + "/" + modelFileName(metadata));
  }

  /**
   * Reads a model folder, checking its model file against {@code expectedDigest} (skipped when
   * {@code null}), the model against this worker's libraries and against the spec's columns ({@link
   * ModelCompatibility}; the column check is skipped when {@code data} is {@code null}, for a
   * caller that compares columns itself). A missing, different or unusable model is an {@code
   * ARTIFACT_MISMATCH}.
   */
  public Loaded load(String artifactUri, String expectedDigest, DataSpec data) {
    String folder = artifacts.key(artifactUri);
    if (!artifacts.exists(folder + "/" + METADATA_FILE)) {
      throw Failures.artifactMismatch("model artifact " + artifactUri + " has no " + METADATA_FILE);
    }
    ModelMetadata metadata = readMetadata(artifacts.get(folder + "/" + METADATA_FILE), artifactUri);
    String modelKey = folder + "/" + modelFileName(metadata);
    if (!artifacts.exists(modelKey)) {
      throw Failures.artifactMismatch("model artifact " + artifactUri + " has no " + modelKey);
    }
    byte[] bytes = artifacts.get(modelKey);
    String digest = Digests.sha256(bytes);
    String modelFile = artifacts.uri(modelKey);
    if (expectedDigest != null && !expectedDigest.equals(digest)) {
      throw Failures.artifactMismatch(
          modelFile + " has SHA-256 " + digest + " but the registry expects " + expectedDigest);
    }
    ModelCompatibility.checkLibraries(metadata, artifactUri);
    if (data != null) ModelCompatibility.checkColumns(metadata, data, artifactUri);
    try {
      // The contract lets a runtime for outside models (ONNX) check inputs and outputs on load.
      var contract = new ModelContract(metadata.task(), metadata.features(), metadata.classes());
      var model = ModelCodec.decode(ModelFormat.of(metadata.modelFormat()), bytes, contract);
      return new Loaded(model, metadata, digest);
    } catch (IllegalArgumentException e) {
      throw Failures.artifactMismatch(modelFile + " is not a usable model: " + e.getMessage());
    }
  }

  private static ModelMetadata readMetadata(byte[] json, String artifactUri) {
    try {
      return Json.mapper().readValue(json, ModelMetadata.class);
    } catch (IOException e) {
      throw Failures.artifactMismatch(
          artifactUri + "/" + METADATA_FILE + " is not valid model metadata: " + e.getMessage());
    }
  }

  private static String modelFileName(ModelMetadata metadata) {
    String file = metadata.modelFile() == null ? MODEL_FILE : metadata.modelFile();
    if (file.contains("/") || file.contains("\\") || file.startsWith(".")) {
      throw Failures.artifactMismatch("metadata names an unsafe model file '" + file + "'");
    }
    return file;
  }
}
