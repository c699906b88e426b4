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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The data digest of a Parquet dataset. A file's is the SHA-256 of its stored bytes, as for a CSV.
 * A folder's is the SHA-256 of the text {@code sha256sum} prints for its part files in name order,
 * one line {@code <file's sha-256> <file name>\n} per part ({@code cd parts && sha256sum *.parquet
 * | sha256sum} gives it in the C locale): it changes when a part is added, removed, renamed or
 * rewritten, and not when the folder is copied elsewhere or downloaded from S3. A local file's
 * digest comes from {@link DataDigestCache} while the file is unchanged since this worker hashed
 * it, each part of a folder on its own; {@code downloaded} files (S3 copies) are always hashed.
 */
final class ParquetDigest {
  private static final int BLOCK = 1 << 20;

  private ParquetDigest() {}

  static String file(Path file, boolean downloaded) throws IOException {
    return file(file, DataDigestCache.lookup(file, downloaded));
  }

  /** {@code parts} in name order, as {@link DatasetFiles} lists them. */
  static String folder(List<Path> parts, boolean downloaded) throws IOException {
    return folder(parts, lookups(parts, downloaded));
  }

  /**
   * Starts hashing {@code parts} ({@link #folder} for a folder, else {@link #file} of the only one)
   * on a thread of its own, so that the file is hashed while it is decoded rather than after: the
   * hash is a third of the work of loading a file of numbers. The value is the same. When every
   * part's digest is known no thread is started; the value is then confirmed when it is taken
   * (after the read): a part written or replaced since the start fails {@code get} with an {@link
   * IOException}, rather than the old digest being recorded for new bytes.
   */
  static FutureTask<String> start(List<Path> parts, boolean folder, boolean downloaded) {
    List<DataDigestCache.Lookup> lookups = lookups(parts, downloaded);
    FutureTask<String> task =
        new FutureTask<>(
            () -> folder ? folder(parts, lookups) : file(parts.getFirst(), lookups.getFirst())) {
          @Override
          public String get() throws InterruptedException, ExecutionException {
            String sha256 = super.get();
            try {
              for (DataDigestCache.Lookup lookup : lookups) {
                if (lookup.known() != null) lookup.confirm();
              }
            } catch (IOException changed) {
              throw new ExecutionException(changed);
            }
            return sha256;
          }
        };
    if (lookups.stream().allMatch(lookup -> lookup.known() != null)) {
      task.run(); // nothing to hash: the known digests, here and now
    } else {
      Thread.ofPlatform().name("tollgate-parquet-digest").daemon().start(task);
    }
    return task;
  }

  private static List<DataDigestCache.Lookup> lookups(List<Path> parts, boolean downloaded) {
    return parts.stream().map(part -> DataDigestCache.lookup(part, downloaded)).toList();
  }

  private static String file(Path file, DataDigestCache.Lookup lookup) throws IOException {
    if (lookup.known() != null) return lookup.known();
    String sha256 = hash(file);
    lookup.computed(sha256);
    return sha256;
  }

  private static String folder(List<Path> parts, List<DataDigestCache.Lookup> lookups)
      throws IOException {
    StringBuilder listing = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      Path part = parts.get(i);
      listing
          .append(file(part, lookups.get(i)))
          .append("  ")
          .append(part.getFileName())
          .append('\n');
    }
    return HexFormat.of()
        .formatHex(Sha256.newDigest().digest(listing.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private static String hash(Path file) throws IOException {
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
}
