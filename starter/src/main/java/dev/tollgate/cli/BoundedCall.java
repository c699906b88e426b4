package dev.tollgate.cli;

import io.grpc.Context;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs a Temporal client call with a time limit the SDK does not offer. An Update nobody accepts is
 * re-sent by the SDK until a worker takes it, for ever; a query nobody answers waits out the RPC
 * timeout. The call runs in a gRPC context that is cancelled when the time is up, which ends the
 * blocking RPC at once (a cancellation the SDK does not retry, unlike a deadline).
 */
final class BoundedCall {
  /** The call did not end within its time. */
  static final class TimedOut extends RuntimeException {
    TimedOut(Duration limit, Throwable cause) {
      super("no answer within " + dev.tollgate.spec.Durations.format(limit), cause);
    }
  }

  private BoundedCall() {}

  static <T> T within(Duration limit, Supplier<T> call) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tollgate-call-limit");
              t.setDaemon(true);
              return t;
            });
    AtomicBoolean timedOut = new AtomicBoolean();
    Context.CancellableContext context = Context.current().withCancellation();
    timer.schedule(
        () -> {
          timedOut.set(true);
          context.cancel(null);
        },
        limit.toMillis(),
        TimeUnit.MILLISECONDS);
    try {
      return context.call(call::get);
    } catch (RuntimeException e) {
      if (timedOut.get()) throw new TimedOut(limit, e);
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e); // Supplier throws no checked exception
    } finally {
      timer.shutdownNow();
      context.cancel(null);
    }
  }
}
