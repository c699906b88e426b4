package dev.tollgate.activities.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The data digest of a Parquet dataset. A file's is the SHA-256 of its stored bytes, as for a CSV.
 * A folder's is the SHA-256 of the text {@code sha256sum} prints for its part files in name order,
 * one line {@code <file's sha-256> <file name>\n} per part ({@code cd parts && sha256sum *.parquet
 * | sha256sum} gives it in the C locale): it changes when a part is added, removed, renamed or
 * rewritten, and not when the folder is copied elsewhere or downloaded from S3.
 */
final class ParquetDigest {
  private ParquetDigest() {}

  static String file(Path file) throws IOException {
    MessageDigest sha = newDigest();
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** {@code parts} in name order, as {@link DatasetFiles} lists them. */
  static String folder(List<Path> parts) throws IOException {
    StringBuilder listing = new StringBuilder();
    for (Path part : parts) {
      listing.append(file(part)).append("  ").append(part.getFileName()).append('\n');
    }
    return HexFormat.of()
        .formatHex(newDigest().digest(listing.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships SHA-256", e);
    }
  }
}
