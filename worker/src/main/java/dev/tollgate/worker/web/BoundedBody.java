package dev.tollgate.worker.web;

import dev.tollgate.activities.BoundedInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * A request body read only up to a cap, for every endpoint that reads one whole (Slack's
 * interactions, the mTLS approval endpoint's routes). The declared Content-Length is checked before
 * a byte is read; a body without one (chunked) is read through a {@link BoundedInputStream} that
 * stops one byte past the cap, so a client streaming gigabytes costs the worker at most {@code max
 * + 1} bytes of memory. What is left unread is the servlet container's to discard (Tomcat drains at
 * most its max-swallow-size, then closes the connection).
 */
public final class BoundedBody {
  /**
   * The body is larger than the cap; nothing, or only the first {@code max + 1} bytes, was read.
   */
  public static final class TooLarge extends Exception {
    TooLarge() {
      super("request body too large", null, false, false);
    }
  }

  private BoundedBody() {}

  public static byte[] read(HttpServletRequest request, long max) throws IOException, TooLarge {
    if (request.getContentLengthLong() > max) throw new TooLarge();
    try {
      return BoundedInputStream.readAll(request.getInputStream(), max);
    } catch (BoundedInputStream.Exceeded e) {
      throw new TooLarge();
    }
  }
}
