package dev.tollgate.activities.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.FutureTask;

/**
 * The data digest of a Parquet dataset. A file's is the SHA-256 of its stored bytes, as for a CSV.
 * A folder's is the SHA-256 of the text {@code sha256sum} prints for its part files in name order,
 * one line {@code <file's sha-256> <file name>\n} per part ({@code cd parts && sha256sum *.parquet
 * | sha256sum} gives it in the C locale): it changes when a part is added, removed, renamed or
 * rewritten, and not when the folder is copied elsewhere or downloaded from S3.
 */
final class ParquetDigest {
  private static final int BLOCK = 1 << 20;

  private ParquetDigest() {}

  static String file(Path file) throws IOException {
    MessageDigest sha = Sha256.newDigest();
    byte[] block = new byte[BLOCK];
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      for (int n; (n = in.read(block)) >= 0; ) {
        // a read given up (its thread interrupted by close) stops here, not at the end of the file
        if (Thread.currentThread().isInterrupted()) throw new InterruptedIOException("stopped");
        sha.update(block, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * Starts hashing {@code parts} ({@link #folder} for a folder, else {@link #file} of the only one)
   * on a thread of its own, so that the file is hashed while it is decoded rather than after: the
   * hash is a third of the work of loading a file of numbers. The value is the same.
   */
  static FutureTask<String> start(List<Path> parts, boolean folder) {
    FutureTask<String> task =
        new FutureTask<>(() -> folder ? folder(parts) : file(parts.getFirst()));
    Thread.ofPlatform().name("tollgate-parquet-digest").daemon().start(task);
    return task;
  }

  /** {@code parts} in name order, as {@link DatasetFiles} lists them. */
  static String folder(List<Path> parts) throws IOException {
    StringBuilder listing = new StringBuilder();
    for (Path part : parts) {
      listing.append(file(part)).append("  ").append(part.getFileName()).append('\n');
    }
    return HexFormat.of()
        .formatHex(Sha256.newDigest().digest(listing.toString().getBytes(StandardCharsets.UTF_8)));
  }
}
