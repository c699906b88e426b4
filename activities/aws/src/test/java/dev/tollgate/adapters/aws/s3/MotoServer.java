package dev.tollgate.adapters.aws.s3;

import dev.tollgate.activities.tools.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real S3 API for the tests: moto's {@code moto_server} (PyPI), installed by {@code
 * scripts/install-moto.sh} into a cached virtualenv, run on a free loopback port. One server serves
 * the whole test run; it is stopped when the run ends, and by a shutdown hook if the JVM ends
 * first. Nothing here skips: without Python the tests fail and say what to install.
 */
public final class MotoServer implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(90);

  private final ServerProcess process;
  private final URI endpoint;

  private MotoServer(ServerProcess process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  public URI endpoint() {
    return endpoint;
  }

  public static MotoServer start() throws IOException, InterruptedException {
    Path executable = MotoInstall.server();
    int port = ServerProcess.freePort();
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    ServerProcess process =
        ServerProcess.start(
            "moto_server",
            List.of(executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port)),
            Path.of("target", "moto-server.log").toAbsolutePath(),
            endpoint.resolve("/moto-api/"),
            STARTUP);
    return new MotoServer(process, endpoint);
  }

  @Override
  public void close() {
    process.close();
  }
}
