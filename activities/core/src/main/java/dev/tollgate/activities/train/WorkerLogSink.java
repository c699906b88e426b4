package dev.tollgate.activities.train;

import dev.tollgate.activities.train.command.LogSink;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A training command's output lines into the worker log, tagged like the activity's own lines. The
 * runner calls it from its output threads, which do not inherit the activity thread's MDC (the
 * workflow, run, model and stage fields the worker's interceptor set): it is copied here when the
 * sink is made, on the activity thread, and set around each line.
 */
final class WorkerLogSink implements LogSink {
  private static final Logger log = LoggerFactory.getLogger("dev.tollgate.training.command");

  private final Map<String, String> context;

  WorkerLogSink(String model, String runId) {
    Map<String, String> copy = MDC.getCopyOfContextMap();
    context = copy == null ? new HashMap<>() : new HashMap<>(copy);
    context.put("model", model);
    context.put("run", runId);
    context.put("stage", "train");
  }

  @Override
  public void line(Stream stream, String line) {
    Map<String, String> before = MDC.getCopyOfContextMap();
    MDC.setContextMap(context);
    try {
      log.info("{} {}", stream == Stream.STDOUT ? "out" : "err", line);
    } finally {
      if (before == null) MDC.clear();
      else MDC.setContextMap(before);
    }
  }

  /** The fields set around each line (for tests). */
  Map<String, String> context() {
    return Map.copyOf(context);
  }
}
