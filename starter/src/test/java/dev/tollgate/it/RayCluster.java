package dev.tollgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The local two-node Ray cluster of the Ray ITs (issue 26), as a JUnit extension:
 * {@code @RegisterExtension static final RayCluster RAY = new RayCluster();}. scripts/test.sh
 * starts one in the background during the unit tests and passes its folder as {@code
 * -Dtollgate.it.ray.dir}: this waits for it to be up (its {@code cluster.env}) and uses it; test.sh
 * stops it. Run by hand without that, the first test class starts its own with scripts/start-ray.sh
 * under a short {@code /tmp/tg-ray-it-<pid>} and the end of the run stops it (scripts/stop-ray.sh),
 * every class of the run sharing it. {@code -Dtollgate.it.ray.url} alone points the tests at a
 * cluster of your own (the node-killing helpers then need its folder too).
 */
final class RayCluster implements BeforeAllCallback {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(RayCluster.class);

  private RayClusterProcess cluster;

  @Override
  public void beforeAll(ExtensionContext context) {
    cluster =
        context
            .getRoot()
            .getStore(NS)
            .getOrComputeIfAbsent(
                "cluster", key -> RayClusterProcess.open(), RayClusterProcess.class);
  }

  /** The Jobs API (dashboard) URL, {@code http://127.0.0.1:<port>}. */
  String url() {
    return started().url();
  }

  /** The cluster's folder: DIR of start-ray.sh (head/, second/, cluster.env). */
  Path dir() {
    return started()
        .dir()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "this test needs the Ray cluster's folder: -Dtollgate.it.ray.dir=DIR (scripts/start-ray.sh DIR)"));
  }

  /**
   * SIGKILLs the second node's raylet (the one whose sockets are under DIR/second, or under
   * DIR/second-N once restart-ray-node.sh has replaced the node: an earlier test may have restarted
   * it or the head), as a machine loss would; Ray's GCS declares the node dead after its
   * health-check timeout (about 18 s here).
   */
  long killSecondRaylet() {
    java.util.regex.Pattern mark =
        java.util.regex.Pattern.compile(
            java.util.regex.Pattern.quote(dir().resolve("second").toString()) + "(-[0-9]+)?/");
    List<ProcessHandle> raylets =
        ProcessHandle.allProcesses()
            .filter(
                p ->
                    commandLine(p)
                        .map(c -> c.contains("/raylet/raylet") && mark.matcher(c).find())
                        .orElse(false))
            .toList();
    if (raylets.size() != 1) {
      throw new IllegalStateException(
          "expected one raylet naming " + mark.pattern() + ", found " + raylets.size());
    }
    raylets.getFirst().destroyForcibly();
    return raylets.getFirst().pid();
  }

  /**
   * Kills every head process and starts a new head on the same ports, and a new second node joining
   * it (scripts/restart-ray-node.sh DIR head): the Jobs URL stays, every job is forgotten (404) and
   * the session name changes; two nodes are alive again when it returns.
   */
  String restartHead() {
    return restart("head");
  }

  /**
   * Kills what is left of the second node and starts a new one joining the head
   * (scripts/restart-ray-node.sh DIR second); two nodes are alive again when it returns. A test
   * that kills the second raylet calls this at its end, so later tests have the cluster they
   * expect.
   */
  String restartSecondNode() {
    return restart("second");
  }

  private String restart(String node) {
    ProcResult r =
        Commands.run(
            List.of(
                RayClusterProcess.script("restart-ray-node.sh").toString(), dir().toString(), node),
            Map.of(),
            Duration.ofMinutes(3));
    if (r.exitCode() != 0) {
      throw new IllegalStateException("the Ray " + node + " node did not restart: " + r);
    }
    return r.out().strip();
  }

  private RayClusterProcess started() {
    if (cluster == null) {
      throw new IllegalStateException(
          "RayCluster is used before its beforeAll: register it with @RegisterExtension on a static field");
    }
    return cluster;
  }

  /** {@code /proc/<pid>/cmdline}, NULs as spaces (ProcessHandle's may be cut short). */
  private static Optional<String> commandLine(ProcessHandle p) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
      return Optional.of(new String(raw, StandardCharsets.UTF_8).replace('\0', ' '));
    } catch (IOException | UncheckedIOException | SecurityException gone) {
      return Optional.empty();
    }
  }
}
