package dev.tollgate.activities.data;

import dev.tollgate.activities.Failures;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes of a dataset as the parser receives them (after gzip, for a compressed file) and
 * refuses the file as soon as they pass {@code data.max_bytes}. The size on disk says nothing about
 * a gzip file's contents: 306 KB held one 300 MB line. The limit is the spec's, within what the
 * worker allows.
 */
final class DecompressedLimit extends FilterInputStream {
  private final long maxBytes;
  private final ByteLimit limit;
  private final String uri;
  private long count;

  DecompressedLimit(InputStream in, ByteLimit limit, String uri) {
    super(in);
    this.maxBytes = limit.bytes();
    this.limit = limit;
    this.uri = uri;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) add(1);
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    // never more than one past the limit: the refusal comes before the rest is inflated
    long room = maxBytes - count + 1;
    int n = super.read(b, off, (int) Math.min(len, Math.max(1, room)));
    if (n > 0) add(n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(Math.min(n, maxBytes - count + 1));
    add(skipped);
    return skipped;
  }

  private void add(long n) {
    count += n;
    if (count > maxBytes) {
      throw Failures.invalidData(
          "dataset "
              + uri
              + " holds more than "
              + limit.describe()
              + " once decompressed"
              + limit.advice());
    }
  }
}
