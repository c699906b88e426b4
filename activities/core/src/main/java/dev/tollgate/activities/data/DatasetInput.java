package dev.tollgate.activities.data;

import dev.tollgate.activities.Failures;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * Opens a dataset as text, plain or gzip-compressed, and hashes the stored bytes while they are
 * read, so a large file is read once, not once to hash and once to parse. Gzip is recognised by its
 * magic bytes, whatever the name; a {@code .gz} name on a file without them is refused. What the
 * parser gets is bounded: at most {@code data.max_bytes} of text once decompressed ({@link
 * DecompressedLimit}) and lines of at most {@link BoundedLines#MAX_LINE} characters.
 */
final class DatasetInput implements AutoCloseable {
  private static final int BUFFER = 1 << 16;

  final String name;
  private final MessageDigest digest;
  private final DigestInputStream raw;
  private final Reader text;
  final BoundedLines lines;

  private DatasetInput(String name, String uri, InputStream stored, ByteLimit limit)
      throws IOException {
    this.name = name;
    this.digest = newDigest();
    this.raw = new DigestInputStream(stored, digest);
    BufferedInputStream peek = new BufferedInputStream(raw, BUFFER);
    peek.mark(2);
    boolean gzip = peek.read() == 0x1f && peek.read() == 0x8b;
    peek.reset();
    if (!gzip && name.endsWith(".gz")) {
      throw Failures.invalidData(name + " is named .gz but is not gzip-compressed");
    }
    InputStream inflated = gzip ? new GZIPInputStream(peek, BUFFER) : peek;
    this.text =
        new InputStreamReader(new DecompressedLimit(inflated, limit, uri), StandardCharsets.UTF_8);
    this.lines = new BoundedLines(text, name);
  }

  /**
   * Opens the local copy of {@code uri} that {@link DatasetFiles} checked (a regular file under the
   * worker's roots, or an S3 download, which keeps the object's name), to be read up to its limit.
   * A symbolic link put in its place since is not followed.
   */
  static DatasetInput open(DatasetFiles.Local local, String uri) {
    Path file = local.path();
    try {
      InputStream stored = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
      try {
        return new DatasetInput(file.getFileName().toString(), uri, stored, local.limit());
      } catch (IOException | RuntimeException e) {
        stored.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** SHA-256 of the stored bytes (compressed, for gzip), after reading the rest of them. */
  String sha256() throws IOException {
    raw.transferTo(OutputStream.nullOutputStream());
    return HexFormat.of().formatHex(digest.digest());
  }

  @Override
  public void close() throws IOException {
    text.close();
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships SHA-256", e);
    }
  }
}
