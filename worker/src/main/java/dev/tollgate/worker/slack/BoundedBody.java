package dev.tollgate.worker.slack;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read only up to a cap. The declared Content-Length is checked before a byte is
 * read; a body without one (chunked) is read through a counter that stops one byte past the cap, so
 * a client streaming gigabytes costs the worker at most {@code max + 1} bytes of memory. What is
 * left unread is the servlet container's to discard (Tomcat drains at most its max-swallow-size,
 * then closes the connection).
 */
final class BoundedBody {
  /**
   * The body is larger than the cap; nothing, or only the first {@code max + 1} bytes, was read.
   */
  static final class TooLarge extends Exception {
    TooLarge() {
      super("request body too large", null, false, false);
    }
  }

  private BoundedBody() {}

  /** Whether the request declares a body larger than {@code max} (nothing is read). */
  static boolean declaredOver(HttpServletRequest request, long max) {
    return request.getContentLengthLong() > max;
  }

  static byte[] read(HttpServletRequest request, long max) throws IOException, TooLarge {
    if (declaredOver(request, max)) throw new TooLarge();
    InputStream in = request.getInputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(max, 8192));
    byte[] chunk = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(chunk, 0, (int) Math.min(chunk.length, max + 1 - total))) > 0) {
      total += n;
      if (total > max) throw new TooLarge();
      out.write(chunk, 0, n);
    }
    return out.toByteArray();
  }
}
