package dev.tollgate.activities.artifacts;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.models.ModelCodec;
import dev.tollgate.activities.models.ModelFormat;
import dev.tollgate.activities.models.Predictor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Model artifacts, content-addressed: {@code <root>/<model>/<sha256 of the model file>/} holds the
 * model file and {@code metadata.json}, which names the file and its {@link ModelFormat}: {@code
 * model.ubj} for XGBoost (its own portable format), {@code model.bin} for Smile (Java-serialized).
 * The folder name is the digest, so the same model stored twice lands in the same place and the
 * second write is a no-op; a folder appears whole or not at all (written aside, then renamed).
 */
public final class ModelStore {
  /** The model file of artifacts that predate {@code model_file} in their metadata. */
  public static final String MODEL_FILE = ModelFormat.JAVA_SERIALIZED.file();

  public static final String METADATA_FILE = "metadata.json";

  private final Path root;

  /** Where a model was stored. */
  public record Stored(String uri, String digest, Path folder) {}

  /** A model read back and checked against its digest. */
  public record Loaded(Predictor model, ModelMetadata metadata, String digest) {}

  public ModelStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Stored store(ModelMetadata metadata, Predictor model) {
    byte[] bytes = model.bytes();
    String digest = Digests.sha256(bytes);
    String file = model.format().file();
    Path folder = root.resolve(ModelNames.check(metadata.model())).resolve(digest);
    if (intact(folder, file, digest)) {
      return new Stored(FileUris.of(folder), digest, folder); // already stored: keep the original
    }
    Path aside = folder.resolveSibling(".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(aside);
      Files.write(aside.resolve(file), bytes);
      Files.write(
          aside.resolve(METADATA_FILE),
          Json.pretty(metadata.withModelFile(file, model.format().id(), digest)));
      if (Files.exists(folder) && !intact(folder, file, digest)) {
        deleteTree(folder); // a damaged earlier attempt: its model file did not match its name
      }
      Files.move(aside, folder, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException concurrentWriter) {
      // Another attempt stored the identical bytes first: same digest, same content.
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the model in " + folder, e);
    } finally {
      deleteTree(aside);
    }
    return new Stored(FileUris.of(folder), digest, folder);
  }

  /**
   * Reads a model folder, checking its model file against {@code expectedDigest} (skipped when
   * {@code null}). A missing or different file is an {@code ARTIFACT_MISMATCH} failure.
   */
  public Loaded load(String artifactUri, String expectedDigest) {
    Path folder = FileUris.artifact(artifactUri);
    Path metadataFile = folder.resolve(METADATA_FILE);
    if (!Files.isRegularFile(metadataFile)) {
      throw Failures.artifactMismatch("model artifact " + folder + " has no " + METADATA_FILE);
    }
    ModelMetadata metadata = Json.read(metadataFile, ModelMetadata.class);
    Path modelFile = folder.resolve(modelFileName(metadata));
    if (!Files.isRegularFile(modelFile)) {
      throw Failures.artifactMismatch("model artifact " + folder + " has no " + modelFile);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(modelFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + modelFile, e);
    }
    String digest = Digests.sha256(bytes);
    if (expectedDigest != null && !expectedDigest.equals(digest)) {
      throw Failures.artifactMismatch(
          modelFile + " has SHA-256 " + digest + " but the registry expects " + expectedDigest);
    }
    try {
      var model =
          ModelCodec.decode(ModelFormat.of(metadata.modelFormat()), bytes, metadata.classCount());
      return new Loaded(model, metadata, digest);
    } catch (IllegalArgumentException e) {
      throw Failures.artifactMismatch(modelFile + " is not a usable model: " + e.getMessage());
    }
  }

  /** The model file of an artifact folder, as its metadata names it. */
  public static Path modelFile(Path folder) {
    Path metadataFile = folder.resolve(METADATA_FILE);
    if (!Files.isRegularFile(metadataFile)) {
      return folder.resolve(MODEL_FILE);
    }
    return folder.resolve(modelFileName(Json.read(metadataFile, ModelMetadata.class)));
  }

  private static String modelFileName(ModelMetadata metadata) {
    String file = metadata.modelFile() == null ? MODEL_FILE : metadata.modelFile();
    if (file.contains("/") || file.contains("\\") || file.startsWith(".")) {
      throw Failures.artifactMismatch("metadata names an unsafe model file '" + file + "'");
    }
    return file;
  }

  private static boolean intact(Path folder, String file, String digest) {
    Path modelFile = folder.resolve(file);
    return Files.isRegularFile(modelFile)
        && Files.isRegularFile(folder.resolve(METADATA_FILE))
        && digest.equals(Digests.sha256(modelFile));
  }

  private static void deleteTree(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (var walk = Files.walk(path)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(AtomicFiles::deleteQuietly);
    } catch (IOException ignored) {
      // best effort: a leftover temporary folder does not change any result
    }
  }
}
