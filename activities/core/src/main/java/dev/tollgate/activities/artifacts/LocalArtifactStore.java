package dev.tollgate.activities.artifacts;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.files.AtomicFiles;
import dev.tollgate.activities.files.FileUris;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The default store: a folder on the worker's disk ({@code <home>/artifacts}). Files are written
 * aside and renamed into place, so a reader never sees half an artifact, and a key already holding
 * the same bytes is left untouched (its modification time too).
 */
public final class LocalArtifactStore implements ArtifactStore {
  private final Path root;

  public LocalArtifactStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public Written put(String key, byte[] bytes) {
    Path target = path(key);
    String digest = Digests.sha256(bytes);
    if (holds(target, digest)) {
      return new Written(uri(key), digest, false);
    }
    AtomicFiles.write(target, bytes);
    return new Written(uri(key), digest, true);
  }

  @Override
  public Written put(String key, Path file) {
    Path target = path(key);
    String digest = Digests.sha256(file);
    if (holds(target, digest)) {
      return new Written(uri(key), digest, false);
    }
    Path tmp = null;
    try {
      Files.createDirectories(target.getParent());
      tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store " + file + " as " + target, e);
    } finally {
      AtomicFiles.deleteQuietly(tmp);
    }
    return new Written(uri(key), digest, true);
  }

  @Override
  public byte[] get(String key) {
    Path file = path(key);
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw Failures.artifactMismatch("artifact " + file + " does not exist");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  @Override
  public boolean exists(String key) {
    return Files.isRegularFile(path(key));
  }

  @Override
  public void delete(String key) {
    Path file = path(key);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }

  @Override
  public String uri(String key) {
    return FileUris.of(path(key));
  }

  @Override
  public String key(String uri) {
    if (!uri.startsWith("file:")) {
      throw ArtifactStore.foreign(uri, this);
    }
    Path path = FileUris.artifact(uri);
    if (!path.startsWith(root) || path.equals(root)) {
      throw ArtifactStore.foreign(uri, this);
    }
    return ArtifactStore.checkKey(root.relativize(path).toString().replace('\\', '/'));
  }

  @Override
  public String root() {
    String uri = FileUris.of(root);
    return uri.endsWith("/") ? uri : uri + "/"; // a folder, created or not yet
  }

  private Path path(String key) {
    return root.resolve(ArtifactStore.checkKey(key));
  }

  private static boolean holds(Path file, String digest) {
    return Files.isRegularFile(file) && digest.equals(Digests.sha256(file));
  }
}
