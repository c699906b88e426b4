package dev.tollgate.activities.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * Reads at most a given number of bytes of an answer, before a deadline. The rest is left unread
 * (the caller drops the connection), so a server that sends gigabytes, or one byte a second, costs
 * the worker no more than the bound.
 */
final class BoundedBody {
  record Read(byte[] bytes, boolean truncated) {}

  private BoundedBody() {}

  /**
   * @param deadline {@link System#nanoTime()} after which reading stops with a timeout; each read
   *     itself is bounded by the socket's timeout
   */
  static Read read(InputStream in, int maxBytes, long deadline) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 8192));
    byte[] buffer = new byte[8192];
    while (out.size() < maxBytes) {
      if (System.nanoTime() - deadline > 0) {
        throw new SocketTimeoutException("the answer was not read within its timeout");
      }
      int n = in.read(buffer, 0, Math.min(buffer.length, maxBytes - out.size()));
      if (n < 0) return new Read(out.toByteArray(), false);
      out.write(buffer, 0, n);
    }
    return new Read(out.toByteArray(), in.read() >= 0);
  }
}
