package dev.tollgate.activities.data;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.artifacts.FileUris;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * Opens a dataset URI as text, plain or gzip-compressed, and hashes the stored bytes while they are
 * read, so a large file is read once, not once to hash and once to parse. Gzip is recognised by its
 * magic bytes, whatever the name; a {@code .gz} name on a file without them is refused.
 */
final class DatasetInput implements AutoCloseable {
  private static final int BUFFER = 1 << 16;

  final String name;
  private final MessageDigest digest;
  private final DigestInputStream raw;
  final BufferedReader reader;

  private DatasetInput(String name, InputStream stored) throws IOException {
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
    InputStream text = gzip ? new GZIPInputStream(peek, BUFFER) : peek;
    this.reader = new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8), BUFFER);
  }

  /** Opens {@code data.train}; a missing file is named with the spec's URI. */
  static DatasetInput open(String uri) {
    return open(FileUris.dataset(uri), uri);
  }

  /** Opens a local copy of {@code uri} (an S3 download keeps the object's name). */
  static DatasetInput open(Path file, String uri) {
    if (Files.isDirectory(file)) {
      throw Failures.invalidData(
          "dataset "
              + file
              + " is a directory; data.train must name a CSV file (data.train "
              + uri
              + ")");
    }
    if (!Files.isRegularFile(file)) {
      throw Failures.invalidData("dataset " + file + " does not exist (data.train " + uri + ")");
    }
    try {
      InputStream stored = Files.newInputStream(file);
      try {
        return new DatasetInput(file.getFileName().toString(), stored);
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
    reader.close();
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships SHA-256", e);
    }
  }
}
