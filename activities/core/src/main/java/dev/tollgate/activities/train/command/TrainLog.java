package dev.tollgate.activities.train.command;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;

/**
 * The command's output kept for {@code train.log}: the first half of the limit as it came, then the
 * last lines within the other half, with a line saying how much was left out between them. A
 * command that prints 50 MB leaves at most the limit (1 MB) plus that one line: the head says how
 * it started, the tail how it ended, which is what someone reading a failed run needs.
 */
final class TrainLog {
  private final int headLimit;
  private final int tailLimit;
  private final StringBuilder head = new StringBuilder();
  private int headBytes;
  private boolean headFull;
  private final ArrayDeque<String> tail = new ArrayDeque<>();
  private int tailBytes;
  private long omittedLines;
  private long omittedBytes;

  TrainLog(int limitBytes) {
    this.headLimit = limitBytes / 2;
    this.tailLimit = limitBytes - headLimit - 200; // room for the "omitted" line
  }

  synchronized void add(String line) {
    int bytes = line.getBytes(StandardCharsets.UTF_8).length + 1;
    if (!headFull && headBytes + bytes <= headLimit) {
      head.append(line).append('\n');
      headBytes += bytes;
      return;
    }
    headFull = true;
    if (bytes > tailLimit) return; // cannot happen with OutputPump's line cap; kept safe anyway
    tail.addLast(line);
    tailBytes += bytes;
    while (tailBytes > tailLimit) {
      String dropped = tail.removeFirst();
      tailBytes -= dropped.getBytes(StandardCharsets.UTF_8).length + 1;
      omittedLines++;
      omittedBytes += dropped.getBytes(StandardCharsets.UTF_8).length + 1;
    }
  }

  synchronized void writeTo(Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(head.toString());
      if (omittedLines > 0) {
        w.write(
            "[tollgate: "
                + omittedLines
                + " lines ("
                + omittedBytes
                + " bytes) left out here; train.log keeps the head and tail]\n");
      }
      for (String line : tail) {
        w.write(line);
        w.write('\n');
      }
    }
  }
}
