package dev.tollgate.cli.worker;

import dev.tollgate.activities.db.RegistryDatabase;
import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.worker.WorkerApplication;
import dev.tollgate.worker.temporal.TemporalTarget;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the worker app (Spring Boot) in this process, for {@code demo} and {@code worker}. */
public final class WorkerLauncher {
  private WorkerLauncher() {}

  /**
   * The app's arguments for the demo: embedded server, serving and management each on a free port
   * (a worker on the same machine keeps its own), nothing on the console.
   */
  public static List<String> quietEmbeddedArgs(String home) {
    return List.of(
        "--tollgate.home=" + home,
        "--tollgate.temporal.address=",
        "--tollgate.temporal.embedded-port=0",
        "--server.port=0",
        "--management.server.port=0",
        "--spring.main.banner-mode=off",
        "--logging.threshold.console=OFF",
        "--logging.file.name=" + home + "/logs/worker.log");
  }

  public static ConfigurableApplicationContext start(List<String> args) {
    try {
      return WorkerApplication.start(args.toArray(String[]::new));
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
