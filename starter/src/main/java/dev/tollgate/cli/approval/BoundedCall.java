package dev.tollgate.cli.approval;

import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.spec.Durations;
import io.grpc.Context;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a Temporal client call with a time limit the SDK does not offer. An Update nobody accepts is
 * re-sent by the SDK until a worker takes it, for ever; a query nobody answers waits out the RPC
 * timeout. The call runs on its own thread, in a gRPC context that is cancelled when the time is
 * up: the caller returns at the limit whatever the SDK is waiting on, and the RPC in flight ends at
 * once (a cancellation the SDK does not retry, unlike a deadline).
 */
final class BoundedCall {
  /** The call did not end within its time. */
  static final class TimedOut extends RuntimeException {
    TimedOut(Duration limit) {
      super("no answer within " + Durations.format(limit));
    }
  }

  private BoundedCall() {}

  static <T> T within(Duration limit, Supplier<T> call) {
    Context.CancellableContext context = Context.current().withCancellation();
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread worker =
        new Thread(
            context.wrap(
                () -> {
                  try {
                    result.complete(call.get());
                  } catch (Throwable e) {
                    result.completeExceptionally(e);
                  }
                }),
            "tollgate-bounded-call");
    worker.setDaemon(true); // a call still stuck at exit must not keep the CLI alive
    worker.start();
    try {
      return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new TimedOut(limit);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) throw r;
      if (cause instanceof Error error) throw error;
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(ExitCodes.NOT_DONE, "interrupted", e);
    } finally {
      context.cancel(null);
    }
  }
}
