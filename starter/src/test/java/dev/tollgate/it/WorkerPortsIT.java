package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.net.ListeningSockets;
import dev.tollgate.activities.net.ListeningSockets.Listener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, items 5 and 6, as the probes found them: {@code tollgate worker} with its defaults
 * listened on every interface with the embedded Temporal server ({@code *:7233}, no
 * authentication), the HTTP port ({@code *:8080}) and H2's AUTO_SERVER ({@code -tcpAllowOthers},
 * its key in a world-readable lock file). Now, what {@code ss -ltnp} would show for the worker's
 * process: every listener on loopback, none from H2; the home is its owner's only; and a second
 * process on the same home is told what to do instead of sharing the registry through a port.
 */
class WorkerPortsIT {
  private static final Pattern READY =
      Pattern.compile("Tollgate worker ready: embedded Temporal test server on (\\S+):(\\d+) ");

  @Test
  void aWorkerWithItsDefaultsListensOnLoopbackOnly() throws IOException {
    Path home = ItSettings.newWorkDir("ports-home");
    BackgroundProcess worker = start("ports-worker", home);
    try {
      worker.awaitLog("Tollgate worker ready", Duration.ofMinutes(2));
      Matcher ready = READY.matcher(worker.logText());
      assertThat(ready.find()).as(worker.tail()).isTrue();
      int temporalPort = Integer.parseInt(ready.group(2));

      List<Listener> listeners = ListeningSockets.of(worker.pid());
      assertThat(listeners)
          .as("the worker's listening sockets")
          .extracting(Listener::port)
          .contains(temporalPort)
          .hasSizeGreaterThanOrEqualTo(2); // the embedded server and HTTP, nothing from H2
      assertThat(listeners).as("the worker's listening sockets").allMatch(Listener::loopback);
      assertThat(ready.group(1)).as("the address it says").isEqualTo("127.0.0.1");

      assertThat(mode(home)).isEqualTo("rwx------");
      assertThat(mode(home.resolve("registry"))).isEqualTo("rwx------");
      assertThat(mode(home.resolve("registry/registry.mv.db"))).isEqualTo("rw-------");
      assertThat(home.resolve("registry/registry.lock.db")).as("AUTO_SERVER's key").doesNotExist();

      BackgroundProcess second = start("ports-worker-same-home", home);
      int exit = second.awaitExit(Duration.ofMinutes(2));
      assertThat(exit).as(second.tail()).isEqualTo(3);
      assertThat(second.logText())
          .contains("is in use by another process: an H2 registry opens in one process at a time")
          .contains("TOLLGATE_REGISTRY_URL");
    } finally {
      worker.stop(Duration.ofSeconds(20));
    }
  }

  private static BackgroundProcess start(String name, Path home) throws IOException {
    Path log = ItSettings.logDir().resolve(name + ".log");
    Files.deleteIfExists(log);
    List<String> command =
        new ArrayList<>(
            List.of(
                ItSettings.javaBin().toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                ItSettings.tollgateJar().toString(),
                "worker",
                "--embedded-port",
                "0", // a free port, so the test never clashes; the bind address is the default
                "--home",
                home.toString()));
    return BackgroundProcess.start(
        name, command, Map.of("TOLLGATE_HTTP_PORT", "0", "TEMPORAL_ADDRESS", ""), log);
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
