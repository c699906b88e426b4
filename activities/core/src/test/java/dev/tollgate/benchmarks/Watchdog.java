package dev.tollgate.benchmarks;

import dev.tollgate.activities.train.TreeProgress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps one training run: past the cap it reports how many trees were built in how long, and halts
 * the JVM, as Smile offers no way to stop a fit. benchmarks/train.sh runs one algorithm per JVM, so
 * the halt ends that algorithm's runs only. Also the run's {@link TreeProgress}, to count trees.
 */
final class Watchdog implements TreeProgress {
  private final AtomicInteger built = new AtomicInteger();
  private volatile int total;
  private volatile Thread timer;

  /** What a capped run reports. */
  interface Report {
    void capped(double seconds, int built, int total, double cpu);
  }

  /** Starts the cap of a run that began at {@code startNanos} (a daemon thread). */
  static Watchdog start(double capSeconds, long startNanos, double startCpu, Report report) {
    Watchdog watchdog = new Watchdog();
    watchdog.timer =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  try {
                    Thread.sleep((long) (capSeconds * 1000));
                  } catch (InterruptedException finished) {
                    return;
                  }
                  double seconds = (System.nanoTime() - startNanos) / 1e9;
                  report.capped(
                      seconds,
                      watchdog.built.get(),
                      watchdog.total,
                      ResultLine.cpuSeconds() - startCpu);
                  Runtime.getRuntime().halt(0);
                });
    return watchdog;
  }

  @Override
  public void built(int done, int total) {
    this.total = total;
    built.accumulateAndGet(done, Math::max);
  }

  /** The run finished within the cap. */
  void stop() {
    timer.interrupt();
  }
}
