package dev.tollgate.activities.notify;

import dev.tollgate.activities.files.Json;
import dev.tollgate.activities.files.OwnerOnly;
import dev.tollgate.activities.files.PathLocks;
import dev.tollgate.stages.PipelineEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * {@code events.jsonl}: one JSON object per line per pipeline event, appended. Each line is written
 * with one call under {@link PathLocks}, so concurrent notifications (threads or worker processes)
 * never interleave within a line.
 */
public final class EventLog implements EventSink {
  private final Path file;

  /** One line of the file. */
  public record Line(
      String timestamp,
      PipelineEvent.Kind kind,
      String model,
      String runId,
      String workflowId,
      String message,
      Map<String, String> fields) {}

  public EventLog(Path file) {
    this.file = file.toAbsolutePath().normalize();
  }

  public Path file() {
    return file;
  }

  @Override
  public String name() {
    return "events";
  }

  @Override
  public void accept(PipelineEvent event) {
    append(event);
  }

  public void append(PipelineEvent event) {
    Line line =
        new Line(
            Instant.now().toString(),
            event.kind(),
            event.model(),
            event.runId(),
            event.workflowId(),
            event.message(),
            EventFields.of(event));
    byte[] bytes = (Json.line(line) + "\n").getBytes(StandardCharsets.UTF_8);
    PathLocks.withLock(
        file.resolveSibling(file.getFileName() + ".lock"),
        () -> {
          try {
            Files.createDirectories(file.getParent());
            // 0600 when created: failure messages and approvers' comments are nobody else's.
            try (FileChannel out =
                FileChannel.open(
                    file,
                    Set.of(
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND),
                    OwnerOnly.newFile())) {
              ByteBuffer buffer = ByteBuffer.wrap(bytes);
              while (buffer.hasRemaining()) {
                out.write(buffer);
              }
            }
          } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
          }
        });
  }
}
