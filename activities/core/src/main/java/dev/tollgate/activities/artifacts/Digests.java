package dev.tollgate.activities.artifacts;

import dev.tollgate.activities.data.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** SHA-256 digests as lowercase hex: how datasets, models and reports are identified. */
public final class Digests {
  private Digests() {}

  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(Sha256.newDigest().digest(bytes));
  }

  /** Streams the file, so large datasets are not read into memory just to be hashed. */
  public static String sha256(Path file) {
    MessageDigest digest = Sha256.newDigest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " to hash it", e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
