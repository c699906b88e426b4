package dev.tollgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Ray cluster for the whole test run ({@link RayCluster} keeps it in JUnit's root store): the
 * one scripts/test.sh started, or one started here and stopped when the run ends (and by a JVM
 * shutdown hook if the run is cut short; stop-ray.sh is idempotent).
 */
record RayClusterProcess(String url, Optional<Path> dir, boolean owned)
    implements ExtensionContext.Store.CloseableResource {
  /** test.sh starts the cluster beside the unit tests; a first install of Ray takes about 50 s. */
  private static final Duration WAIT_FOR_TEST_SH = Duration.ofMinutes(10);

  static RayClusterProcess open() {
    String url = property("tollgate.it.ray.url");
    String dir = property("tollgate.it.ray.dir");
    if (dir != null) {
      Path folder = Path.of(dir).toAbsolutePath();
      String recorded = waitForStart(folder);
      return new RayClusterProcess(url != null ? url : recorded, Optional.of(folder), false);
    }
    if (url != null) return new RayClusterProcess(url, Optional.empty(), false);
    Path folder = Path.of("/tmp/tg-ray-it-" + ProcessHandle.current().pid());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(folder), "it-ray-cluster-reaper"));
    ProcResult r =
        Commands.run(
            List.of(script("start-ray.sh").toString(), folder.toString()),
            Map.of(),
            Duration.ofMinutes(10));
    if (r.exitCode() != 0) {
      stop(folder);
      throw new IllegalStateException("the Ray cluster did not start: " + r);
    }
    return new RayClusterProcess(r.out().strip(), Optional.of(folder), true);
  }

  @Override
  public void close() {
    if (owned) dir.ifPresent(RayClusterProcess::stop);
  }

  static Path script(String name) {
    // Failsafe runs in starter/; tollgate.it.dir is starter/target.
    return ItSettings.targetDir().getParent().getParent().resolve("scripts").resolve(name);
  }

  private static void stop(Path folder) {
    if (!Files.isDirectory(folder)) return;
    ProcResult r =
        Commands.run(
            List.of(script("stop-ray.sh").toString(), folder.toString()),
            Map.of(),
            Duration.ofMinutes(1));
    if (r.exitCode() != 0) throw new IllegalStateException("the Ray cluster did not stop: " + r);
    Commands.run(List.of("rm", "-rf", folder.toString()), Map.of(), Duration.ofMinutes(1));
  }

  /** test.sh's cluster: its cluster.env's RAY_JOBS_URL once up, or its start.log if it failed. */
  private static String waitForStart(Path folder) {
    Instant deadline = Instant.now().plus(WAIT_FOR_TEST_SH);
    Path env = folder.resolve("cluster.env");
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(folder.resolve("start.failed"))) {
        throw new IllegalStateException(
            "the test command's Ray cluster did not start; "
                + folder.resolve("start.log")
                + ":\n"
                + read(folder.resolve("start.log")));
      }
      Optional<String> url =
          read(env)
              .lines()
              .filter(l -> l.startsWith("RAY_JOBS_URL="))
              .map(l -> l.substring(13))
              .findFirst();
      if (url.isPresent()) return url.get();
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for the Ray cluster", e);
      }
    }
    throw new IllegalStateException(
        "the Ray cluster in "
            + folder
            + " was not up after "
            + WAIT_FOR_TEST_SH.toMinutes()
            + " min; see "
            + folder.resolve("start.log"));
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() || value.startsWith("${") ? null : value;
  }
}
