package dev.tollgate.cli;

import dev.tollgate.activities.registry.RegistryDatabase;
import dev.tollgate.worker.WorkerApplication;
import dev.tollgate.worker.temporal.TemporalTarget;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the worker app (Spring Boot) in this process, for {@code demo} and {@code worker}. */
final class WorkerLauncher {
  private WorkerLauncher() {}

  /** The app's arguments for the demo: embedded server on a free port, nothing on the console. */
  static List<String> quietEmbeddedArgs(String home) {
    return List.of(
        "--tollgate.home=" + home,
        "--tollgate.temporal.address=",
        "--tollgate.temporal.embedded-port=0",
        "--server.port=0",
        "--spring.main.banner-mode=off",
        "--logging.threshold.console=OFF",
        "--logging.file.name=" + home + "/logs/worker.log");
  }

  /**
   * Logback is left running until the JVM ends instead of being stopped by Spring Boot's logging
   * shutdown hook. Logback's stop detaches the appenders before it removes Spring Boot's status
   * listener, and threads still running at exit (the client's gRPC retries against the stopping
   * embedded server) log into that gap: logback then printed "No appenders present in context" on
   * the terminal after the one line a signal stop promises (SignalStopIT caught it in CI). Every
   * appender here writes synchronously and flushes each line, so stopping logback at exit flushed
   * nothing; lines logged during the shutdown now reach the log instead of being dropped.
   */
  static final String KEEP_LOGGING_TO_THE_END = "--logging.register-shutdown-hook=false";

  static ConfigurableApplicationContext start(List<String> args) {
    List<String> appArgs = new ArrayList<>(args);
    appArgs.add(KEEP_LOGGING_TO_THE_END);
    try {
      return WorkerApplication.start(appArgs.toArray(String[]::new));
    } catch (RuntimeException e) {
      for (Throwable c = e; c != null && c != c.getCause(); c = c.getCause()) {
        if (c instanceof RegistryDatabase.RegistryUnavailable registry) {
          // Like an unreachable Temporal server: something the worker needs is not there.
          throw new CliFailure(
              ExitCodes.UNREACHABLE, "the worker app did not start: " + registry.getMessage(), e);
        }
      }
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) root = root.getCause();
      throw new CliFailure(
          ExitCodes.NOT_DONE, "the worker app did not start: " + root.getMessage(), e);
    }
  }

  /** "embedded Temporal test server on localhost:7233" or "Temporal at host:7233". */
  static String describe(TemporalTarget target) {
    return (target.embedded() ? "embedded Temporal test server on " : "Temporal at ")
        + target.address()
        + " (namespace "
        + target.namespace()
        + ")";
  }
}
