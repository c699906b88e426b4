package dev.tollgate.activities.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Serialises read-modify-write cycles on a file, within this JVM and across worker processes.
 *
 * <p>Two levels, because neither is enough alone: an OS file lock is held per process (a second
 * thread of the same JVM asking for it gets {@code OverlappingFileLockException}, not a wait), and
 * a Java monitor does not reach other processes. The monitor is one object per lock path for the
 * whole JVM, so two instances over the same home folder also wait for each other.
 */
public final class PathLocks {
  private static final ConcurrentHashMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

  private PathLocks() {}

  /** Runs {@code action} holding the lock on {@code lockFile} (created when missing). */
  public static <T> T withLock(Path lockFile, Supplier<T> action) {
    Path key = lockFile.toAbsolutePath().normalize();
    synchronized (MONITORS.computeIfAbsent(key, k -> new Object())) {
      try {
        Files.createDirectories(key.getParent());
        try (FileChannel channel =
                FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock ignored = channel.lock()) {
          return action.get();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot lock " + key, e);
      }
    }
  }

  public static void withLock(Path lockFile, Runnable action) {
    withLock(
        lockFile,
        () -> {
          action.run();
          return null;
        });
  }
}
