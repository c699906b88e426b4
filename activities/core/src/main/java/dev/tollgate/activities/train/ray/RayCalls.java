package dev.tollgate.activities.train.ray;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's calls before it follows a job (session, preflight, upload, submit): an unreachable
 * cluster is asked again every {@code pause} for the outage grace, unless the run is to stop; a
 * refusal is not asked again.
 */
final class RayCalls {
  private static final Logger log = LoggerFactory.getLogger(RayCalls.class);

  /** A call of the Jobs API. */
  @FunctionalInterface
  interface Call<T> {
    T call() throws RayException;
  }

  /** The run must stop while the cluster was being waited for. */
  static final class Stopped extends Exception {
    Stopped(String reason) {
      super(reason);
    }
  }

  private final String address;
  private final Duration grace;
  private final Duration pause;
  private final Supplier<String> stopReason;

  RayCalls(String address, Duration grace, Duration pause, Supplier<String> stopReason) {
    this.address = address;
    this.grace = grace;
    this.pause = pause;
    this.stopReason = stopReason;
  }

  <T> T call(String what, Call<T> call) throws RayException, Stopped, InterruptedException {
    long end = System.nanoTime() + grace.toNanos();
    while (true) {
      try {
        return call.call();
      } catch (RayException e) {
        if (e.kind() != RayException.Kind.UNREACHABLE || System.nanoTime() > end) throw e;
        log.warn(
            "Ray cluster {} not answering ({}), asking again: {}", address, what, e.getMessage());
      }
      String reason = stopReason.get();
      if (reason != null) throw new Stopped(reason);
      Thread.sleep(Math.max(1, pause.toMillis()));
    }
  }
}
