package dev.tollgate.activities;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that gives at most {@code limit} bytes, whatever its source claims: a request body
 * without a Content-Length (chunked), a gzip file whose size on disk says nothing of its contents
 * (306 KB held one 300 MB line). It never asks its source for more than one byte past the limit, so
 * the refusal comes before the rest is read or inflated; reading past the limit throws what {@link
 * #exceeded} returns ({@link Exceeded} unless a subclass says otherwise). The one byte-counting
 * stream of the worker: the serving API's bodies, the approval endpoints' and Slack's, datasets.
 */
public class BoundedInputStream extends FilterInputStream {
  /** The stream went past its limit. */
  public static final class Exceeded extends IOException {
    Exceeded(long limit) {
      super("longer than " + limit + " bytes", null);
    }
  }

  private final long limit;
  private long count;

  public BoundedInputStream(InputStream in, long limit) {
    super(in);
    if (limit < 0) throw new IllegalArgumentException("limit " + limit);
    this.limit = limit;
  }

  /**
   * All of {@code in}, or {@link Exceeded} after reading at most {@code limit + 1} bytes of it (the
   * rest stays unread).
   */
  public static byte[] readAll(InputStream in, long limit) throws IOException {
    return new BoundedInputStream(in, limit).readAllBytes();
  }

  /** What reading past the limit throws; a subclass may throw its own (unchecked) refusal here. */
  protected IOException exceeded(long limit) {
    return new Exceeded(limit);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) count(1);
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    // one byte past the limit is asked for, so that exactly the limit passes and more is caught on
    // the byte past it, before anything beyond is read
    int n = super.read(buffer, offset, (int) upTo(length));
    if (n > 0) count(n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(upTo(n));
    count(skipped);
    return skipped;
  }

  /**
   * {@code wanted}, or one byte past the limit if that is less. {@code limit - count + 1} itself
   * would overflow for a limit of {@link Long#MAX_VALUE} (no limit), asking for nothing forever.
   */
  private long upTo(long wanted) {
    long room = limit - count; // never negative: count passes the limit only by throwing
    return room >= wanted ? wanted : room + 1;
  }

  private void count(long n) throws IOException {
    count += n;
    if (count > limit) throw exceeded(limit);
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
