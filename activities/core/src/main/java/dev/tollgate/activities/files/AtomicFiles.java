package dev.tollgate.activities.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so a reader sees the old content or the new one, never half of either: the bytes go
 * to a temporary file in the same folder, are forced to disk, then renamed over the target.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  public static void write(Path target, byte[] bytes) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        out.write(java.nio.ByteBuffer.wrap(bytes));
        out.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  /** Best effort: a leftover temp file is harmless, the move already decided the outcome. */
  public static void deleteQuietly(Path path) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // nothing to do: see above
    }
  }
}
