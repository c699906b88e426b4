package dev.tollgate.activities.train.command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads one of the command's streams line by line on its own thread, so neither pipe fills up and
 * blocks the command: each line goes to the log sink, to {@code train.log}, and (stdout) to the
 * progress parser; the last 20 lines are kept for a failure message (stderr). A line longer than 16
 * KB (a progress bar redrawn with '\r', a dumped array) is cut there, so memory stays bounded
 * whatever the command prints. Bytes that are not UTF-8 are replaced, not rejected.
 */
final class OutputPump {
  static final int MAX_LINE = 16 * 1024;
  static final int KEPT_LINES = 20;

  private final Thread thread;
  private final ArrayDeque<String> last = new ArrayDeque<>();

  private OutputPump(
      InputStream in, LogSink.Stream stream, LogSink sink, TrainLog log, Consumer<String> onLine) {
    this.thread =
        Thread.ofPlatform()
            .daemon()
            .name("tollgate-command-" + stream.name().toLowerCase(java.util.Locale.ROOT))
            .start(() -> pump(in, line -> deliver(line, stream, sink, log, onLine)));
  }

  static OutputPump start(
      InputStream in, LogSink.Stream stream, LogSink sink, TrainLog log, Consumer<String> onLine) {
    return new OutputPump(in, stream, sink, log, onLine);
  }

  /** Waits up to {@code millis} for the stream's end; false when something still holds it open. */
  boolean join(long millis) throws InterruptedException {
    return thread.join(java.time.Duration.ofMillis(millis));
  }

  synchronized List<String> lastLines() {
    return List.copyOf(last);
  }

  private void deliver(
      String line, LogSink.Stream stream, LogSink sink, TrainLog log, Consumer<String> onLine) {
    log.add(line);
    synchronized (this) {
      last.addLast(line);
      if (last.size() > KEPT_LINES) last.removeFirst();
    }
    try {
      sink.line(stream, line);
      onLine.accept(line);
    } catch (RuntimeException e) {
      // A failing sink or listener must not stop the pipe being drained (the command would block).
    }
  }

  private static void pump(InputStream in, Consumer<String> lines) {
    ByteArrayOutputStream current = new ByteArrayOutputStream();
    boolean cut = false;
    byte[] buf = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buf)) != -1) {
        for (int i = 0; i < n; i++) {
          byte b = buf[i];
          if (b == '\n') {
            lines.accept(text(current, cut));
            current.reset();
            cut = false;
          } else if (current.size() < MAX_LINE) {
            current.write(b);
          } else {
            cut = true;
          }
        }
      }
    } catch (IOException e) {
      // The stream was closed under us (the run is over): keep what was read.
    }
    if (current.size() > 0 || cut) lines.accept(text(current, cut));
  }

  private static String text(ByteArrayOutputStream bytes, boolean cut) {
    String s = bytes.toString(StandardCharsets.UTF_8);
    if (s.endsWith("\r")) s = s.substring(0, s.length() - 1);
    return cut ? s + " [tollgate: line cut at 16 KB]" : s;
  }
}
