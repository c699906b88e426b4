package dev.tollgate.activities.train.ray;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The job's log as a stream for {@code Supervision}'s output pump: the runner's thread offers the
 * new text it polled, the pump's thread reads it, and {@link #close} ends the stream once the job
 * has ended (after the last poll). Unbounded on purpose: the pump drains it as fast as it arrives,
 * and each poll brings at most what the job printed in one tick.
 */
final class LogFeed extends InputStream {
  private static final byte[] END = new byte[0];

  private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
  private byte[] current = new byte[0];
  private int at;
  private volatile boolean ended;

  void offer(String text) {
    if (!ended && !text.isEmpty()) chunks.add(text.getBytes(StandardCharsets.UTF_8));
  }

  /** No more text: the reader sees the end once it has read what came before. */
  @Override
  public void close() {
    if (!ended) {
      ended = true;
      chunks.add(END);
    }
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) return 0;
    while (at >= current.length) {
      if (current == END) return -1;
      try {
        current = chunks.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
      at = 0;
      if (current == END) return -1;
    }
    int n = Math.min(len, current.length - at);
    System.arraycopy(current, at, b, off, n);
    at += n;
    return n;
  }
}
