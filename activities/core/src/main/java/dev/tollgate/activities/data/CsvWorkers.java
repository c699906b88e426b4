package dev.tollgate.activities.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The threads that parse CSV blocks while the reading thread reads and hashes the next: one per
 * core, shared by every load of the process (daemons, so they never keep a JVM alive). A task never
 * waits for another, so loads running at once only share the cores.
 */
final class CsvWorkers {
  static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

  private static final ExecutorService POOL =
      Executors.newFixedThreadPool(
          THREADS, Thread.ofPlatform().name("tollgate-csv-", 1).daemon().factory());

  private CsvWorkers() {}

  static <T> Future<T> submit(Callable<T> task) {
    return POOL.submit(task);
  }

  /** The task's result, its own exception rethrown as it was. */
  static <T> T get(Future<T> task) throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while reading a dataset");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) throw io;
      if (cause instanceof RuntimeException r) throw r;
      if (cause instanceof Error error) throw error;
      throw new UncheckedIOException(new IOException(cause));
    }
  }
}
