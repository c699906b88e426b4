package dev.tollgate.it;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a condition holds; on timeout, fails with the last thing seen and where to look. */
final class Await {
  private Await() {}

  static <T> T until(
      String what, Duration timeout, Supplier<T> probe, Predicate<T> done, Supplier<String> hint) {
    Instant deadline = Instant.now().plus(timeout);
    T last = probe.get();
    while (!done.test(last)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "waited "
                + timeout.toSeconds()
                + " s for "
                + what
                + "; last seen:\n"
                + last
                + "\n"
                + hint.get()
                + "\nEvery command: "
                + Commands.transcript());
      }
      BackgroundProcess.sleep(Duration.ofSeconds(1));
      last = probe.get();
    }
    return last;
  }
}
