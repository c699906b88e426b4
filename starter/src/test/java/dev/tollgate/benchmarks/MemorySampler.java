package dev.tollgate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The resident memory of another process (the worker), from /proc, every 500 ms: now and peak. */
final class MemorySampler implements AutoCloseable {
  private static final Duration EVERY = Duration.ofMillis(500);

  private final Path status;
  private final AtomicLong currentKb = new AtomicLong();
  private final AtomicLong peakKb = new AtomicLong();
  private final Thread thread;

  private MemorySampler(long pid) {
    this.status = Path.of("/proc", Long.toString(pid), "status");
    this.thread = Thread.ofPlatform().daemon().name("rss-sampler").unstarted(this::loop);
  }

  static MemorySampler start(long pid) {
    MemorySampler sampler = new MemorySampler(pid);
    sampler.sample();
    sampler.thread.start();
    return sampler;
  }

  /** Starts a new peak (a new phase). */
  void reset() {
    peakKb.set(currentKb.get());
  }

  long currentMb() {
    return currentKb.get() / 1024;
  }

  long peakMb() {
    return peakKb.get() / 1024;
  }

  private void loop() {
    while (!Thread.currentThread().isInterrupted()) {
      sample();
      try {
        Thread.sleep(EVERY);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample() {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          currentKb.set(kb);
          peakKb.accumulateAndGet(kb, Math::max);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // the worker has exited: keep the last figures
    }
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
