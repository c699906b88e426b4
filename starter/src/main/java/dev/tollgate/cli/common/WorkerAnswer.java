package dev.tollgate.cli.common;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for an answer only a worker can give (an Update a guardian authorises with the worker's
 * policy, a short registry run): Temporal would wait for a worker for ever, so no answer within
 * {@link #WAIT} is said plainly, naming the server the CLI asked.
 */
public final class WorkerAnswer {
  static final Duration WAIT = Duration.ofSeconds(60);

  private WorkerAnswer() {}

  /**
   * The answer's value; what it failed with is thrown as it is (a {@link RuntimeException}), so
   * callers catch Temporal's exceptions as if they had called directly.
   */
  public static <T> T await(ConnectionOptions connection, CompletableFuture<T> answer) {
    try {
      return answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new CliFailure(
          ExitCodes.NOT_DONE,
          "no worker answered within "
              + WAIT.toSeconds()
              + " s: is `tollgate worker` running against "
              + connection.address
              + "?");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(ExitCodes.NOT_DONE, "interrupted");
    }
  }
}
