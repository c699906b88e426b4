package dev.tollgate.activities.deploy;

import dev.tollgate.activities.serving.LoadFailure;
import dev.tollgate.activities.serving.ServingClient;
import dev.tollgate.activities.serving.ServingError;
import dev.tollgate.activities.serving.ServingStatus;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The smoke test's wait for serving to answer with the deployed version. The worker's own serving
 * looks at the pointer at once after its deploy, but {@code tollgate serve} finds it at its next
 * poll (500 ms by default) and loads it then: the smoke test asks again every {@value #STEP_MS} ms
 * ({@link ServingClient#status}: one request a step) for at most {@link #DEFAULT}, and fails at
 * once when serving says the version could not be loaded (a damaged artifact does not mend by
 * waiting).
 */
final class ServingWait {
  static final Duration DEFAULT = Duration.ofSeconds(10);
  static final long STEP_MS = 100;

  private ServingWait() {}

  /** {@code null} once {@code model} serves {@code version}; else why not, for the failed test. */
  static String awaitVersion(ServingClient client, String model, int version, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    String last;
    while (true) {
      try {
        ServingStatus status = client.status(model); // one request: versions and a failed load
        if (status.serves(version)) return null;
        LoadFailure failure = status.loadFailure();
        if (status.failedToLoad(version)) {
          return model + " v" + version + " could not be loaded by serving: " + failure.reason();
        }
        last =
            status.versions().isEmpty()
                ? model + " serves nothing (v" + failure.version() + " could not be loaded)"
                : model + " serves " + status.versions() + ", expected v" + version;
      } catch (ServingError e) {
        if (e.status() != 404 && e.status() != 503) throw e;
        last = "serving answered " + e.status() + ": " + e.getMessage();
      } catch (UncheckedIOException e) {
        last = e.getMessage();
      }
      if (System.nanoTime() >= deadline) {
        return last + " (waited " + wait.toSeconds() + " s for serving to load it)";
      }
      try {
        Thread.sleep(STEP_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return last + " (interrupted while waiting for serving to load it)";
      }
    }
  }
}
