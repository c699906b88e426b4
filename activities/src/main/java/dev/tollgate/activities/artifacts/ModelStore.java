package dev.tollgate.activities.artifacts;

import dev.tollgate.activities.Failures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import smile.regression.DataFrameRegression;

/**
 * Model artifacts, content-addressed: {@code <root>/<model>/<sha256 of model.bin>/} holds {@code
 * model.bin} (the Smile model, Java-serialized) and {@code metadata.json}. The folder name is the
 * digest, so the same model stored twice lands in the same place and the second write is a no-op; a
 * folder appears whole or not at all (written aside, then renamed).
 */
public final class ModelStore {
  public static final String MODEL_FILE = "model.bin";
  public static final String METADATA_FILE = "metadata.json";

  /** Only Smile's and the JDK's classes may come out of a model file. */
  private static final ObjectInputFilter ONLY_SMILE =
      ObjectInputFilter.Config.createFilter("smile.**;java.**;!*");

  private final Path root;

  /** Where a model was stored. */
  public record Stored(String uri, String digest, Path folder) {}

  /** A model read back and checked against its digest. */
  public record Loaded(DataFrameRegression model, ModelMetadata metadata, String digest) {}

  public ModelStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Stored store(ModelMetadata metadata, DataFrameRegression model) {
    byte[] bytes = serialize(model);
    String digest = Digests.sha256(bytes);
    Path folder = root.resolve(ModelNames.check(metadata.model())).resolve(digest);
    if (intact(folder, digest)) {
      return new Stored(FileUris.of(folder), digest, folder); // already stored: keep the original
    }
    Path aside = folder.resolveSibling(".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(aside);
      Files.write(aside.resolve(MODEL_FILE), bytes);
      Files.write(aside.resolve(METADATA_FILE), Json.pretty(metadata.withModelSha256(digest)));
      if (Files.exists(folder) && !intact(folder, digest)) {
        deleteTree(folder); // a damaged earlier attempt: its model.bin did not match its name
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
   * Reads a model folder, checking {@code model.bin} against {@code expectedDigest} (skipped when
   * {@code null}). A missing or different file is an {@code ARTIFACT_MISMATCH} failure.
   */
  public Loaded load(String artifactUri, String expectedDigest) {
    Path folder = FileUris.artifact(artifactUri);
    Path modelFile = folder.resolve(MODEL_FILE);
    Path metadataFile = folder.resolve(METADATA_FILE);
    if (!Files.isRegularFile(modelFile) || !Files.isRegularFile(metadataFile)) {
      throw Failures.artifactMismatch(
          "model artifact " + folder + " has no " + MODEL_FILE + " or " + METADATA_FILE);
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
    return new Loaded(
        deserialize(bytes, modelFile), Json.read(metadataFile, ModelMetadata.class), digest);
  }

  private static boolean intact(Path folder, String digest) {
    Path modelFile = folder.resolve(MODEL_FILE);
    return Files.isRegularFile(modelFile)
        && Files.isRegularFile(folder.resolve(METADATA_FILE))
        && digest.equals(Digests.sha256(modelFile));
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

  private static DataFrameRegression deserialize(byte[] bytes, Path file) {
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
