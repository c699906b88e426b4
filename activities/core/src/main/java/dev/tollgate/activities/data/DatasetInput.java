package dev.tollgate.activities.data;

import dev.tollgate.activities.Failures;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * Opens a dataset's bytes, plain or gzip-compressed, and hashes the stored bytes while they are
 * read, so a large file is read once, not once to hash and once to parse. Gzip is recognised by its
 * magic bytes, whatever the name; a {@code .gz} name on a file without them is refused. What the
 * parser gets is bounded: at most {@code data.max_bytes} once decompressed ({@link
 * DecompressedLimit}); {@link CsvBlocks} bounds the lines. A plain file is hashed block by block by
 * the thread that reads it, while {@link CsvWorkers} parse the blocks read before (the digest is
 * the same: SHA-256 of the file's bytes); a gzip file's compressed bytes are hashed as they are
 * inflated. A local file unchanged since this worker hashed it is not hashed at all: its digest is
 * {@link DataDigestCache}'s, confirmed after the read.
 */
final class DatasetInput implements AutoCloseable {
  private static final int BUFFER = 1 << 16;

  final String name;
  private final MessageDigest digest;
  private final DataDigestCache.Lookup cached; // known: the blocks are not hashed
  private final InputStream stored; // what is hashed: the file's bytes
  private final InputStream text; // what is parsed: the same, inflated for gzip, limited
  private final boolean gzip;
  private final long size;

  private DatasetInput(
      String name,
      String uri,
      InputStream file,
      ByteLimit limit,
      long size,
      DataDigestCache.Lookup cached)
      throws IOException {
    this.name = name;
    this.size = size;
    this.digest = Sha256.newDigest();
    this.cached = cached;
    PushbackInputStream peek = new PushbackInputStream(file, 2);
    byte[] magic = peek.readNBytes(2);
    peek.unread(magic);
    this.gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
    if (!gzip && name.endsWith(".gz")) {
      throw Failures.invalidData(name + " is named .gz but is not gzip-compressed");
    }
    this.stored = gzip && cached.known() == null ? new DigestInputStream(peek, digest) : peek;
    InputStream inflated =
        gzip ? new GZIPInputStream(new BufferedInputStream(stored, BUFFER), BUFFER) : stored;
    this.text = new DecompressedLimit(inflated, limit, uri);
  }

  /**
   * Opens the local copy of {@code uri} that {@link DatasetFiles} checked (a regular file under the
   * worker's roots, or an S3 download, which keeps the object's name), to be read up to its limit.
   * A symbolic link put in its place since is not followed.
   */
  static DatasetInput open(DatasetFiles.Local local, String uri) {
    Path file = local.path();
    // looked up before the file is opened, so that its state covers every byte read
    DataDigestCache.Lookup cached = DataDigestCache.lookup(file, local.downloadedInto() != null);
    try {
      InputStream stored = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
      try {
        return new DatasetInput(
            file.getFileName().toString(), uri, stored, local.limit(), sizeOf(file), cached);
      } catch (IOException | RuntimeException e) {
        stored.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Only an estimate's input: a file replaced since it was opened is read as it is. */
  private static long sizeOf(Path file) throws IOException {
    return Files.readAttributes(
            file, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
        .size();
  }

  /** The size of a plain file, to size its columns; 0 for gzip, whose rows it does not tell. */
  long storedSize() {
    return gzip ? 0 : size;
  }

  /** The bytes to parse: the file's, inflated if it is gzip, refused past the size limit. */
  InputStream text() {
    return text;
  }

  /** Told each block of {@link #text()} as it is read: a plain file's bytes are hashed so. */
  void hash(byte[] bytes, int from, int length) {
    // gzip: compressed bytes hashed on the way in; a known digest: nothing to hash
    if (!gzip && cached.known() == null) digest.update(bytes, from, length);
  }

  /**
   * SHA-256 of the stored bytes (compressed, for gzip), after reading the rest of them; a known
   * digest once the file is seen unchanged by the read, without reading the rest.
   */
  String sha256() throws IOException {
    if (cached.known() != null) return cached.confirm();
    if (gzip) {
      stored.transferTo(OutputStream.nullOutputStream());
    } else {
      byte[] rest = new byte[BUFFER];
      for (int n; (n = stored.read(rest)) >= 0; ) digest.update(rest, 0, n);
    }
    String sha256 = HexFormat.of().formatHex(digest.digest());
    cached.computed(sha256);
    return sha256;
  }

  @Override
  public void close() throws IOException {
    text.close();
  }
}
