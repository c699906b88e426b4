package dev.tollgate.worker.serving;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that may not be longer than a limit, whatever its Content-Length said (chunked
 * bodies have none): reading past the limit throws {@link Exceeded} instead of more bytes.
 */
final class BoundedInputStream extends FilterInputStream {
  /** The body went past the limit. */
  static final class Exceeded extends IOException {
    Exceeded(long limit) {
      super("the body is longer than " + limit + " bytes");
    }
  }

  private final long limit;
  private long read;

  BoundedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) count(1);
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    // one byte more than the limit allows is asked for, so that a body of exactly the limit
    // passes and a longer one is caught on the byte past it
    int n = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
    if (n > 0) count(n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(Math.min(n, limit - read + 1));
    count(skipped);
    return skipped;
  }

  private void count(long n) throws Exceeded {
    read += n;
    if (read > limit) throw new Exceeded(limit);
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
