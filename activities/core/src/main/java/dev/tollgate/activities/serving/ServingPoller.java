package dev.tollgate.activities.serving;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tollgate serve}'s watch on the serving pointers: every {@code interval} it looks at the
 * pointer of each model the process serves and loads what it names, with or without traffic, so
 * every replica answers a promoted (or rolled back) version within an interval plus a load of the
 * pointer's write. Nothing here depends on a worker being up: the pointers and the artifact store
 * are all it reads.
 */
public final class ServingPoller implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ServingPoller.class);

  private final ModelServing serving;
  private final Duration interval;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("tollgate-serving-poller").unstarted(r));

  public ServingPoller(ModelServing serving, Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the poll interval must be positive, got " + interval);
    }
    this.serving = serving;
    this.interval = interval;
  }

  /** Loads every assigned model once now, then keeps looking every interval. */
  public ServingPoller start() {
    pollOnce();
    timer.scheduleWithFixedDelay(
        this::pollOnce, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
    return this;
  }

  /** One round over the assigned models; a failure of one does not stop the others or the next. */
  public void pollOnce() {
    try {
      for (String model : serving.assigned()) serving.poll(model);
    } catch (RuntimeException e) {
      log.warn(
          "looking at the serving pointers failed: {}; tried again in {}", e.toString(), interval);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
