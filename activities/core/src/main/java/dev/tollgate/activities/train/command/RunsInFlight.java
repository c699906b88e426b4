package dev.tollgate.activities.train.command;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A runner's runs in flight and whether the worker is shutting down: the command runner and the
 * container runner stop their runs the same way (each run's supervision reads {@link #reason} every
 * tick, and ends its group or container when it is set).
 */
public final class RunsInFlight {
  private final AtomicInteger running = new AtomicInteger();
  private volatile String shutdownReason;

  /** Asks every run in flight to stop, and refuses new ones, with {@code reason}. */
  public void shutdown(String reason) {
    shutdownReason = reason;
  }

  /**
   * {@link #shutdown} and waits up to {@code wait} for the runs to end; false when some still run.
   */
  public boolean shutdown(String reason, Duration wait) throws InterruptedException {
    shutdown(reason);
    long end = System.nanoTime() + wait.toNanos();
    while (running.get() > 0 && System.nanoTime() < end) Thread.sleep(50);
    return running.get() == 0;
  }

  /** Why the worker is shutting down, or null while it is not. */
  public String reason() {
    return shutdownReason;
  }

  public int running() {
    return running.get();
  }

  public void started() {
    running.incrementAndGet();
  }

  public void ended() {
    running.decrementAndGet();
  }
}
