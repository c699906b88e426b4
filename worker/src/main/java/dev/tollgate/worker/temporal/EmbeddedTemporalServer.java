package dev.tollgate.worker.temporal;

import io.temporal.testserver.TestServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal's Java test server, in-process, bound to a local port so the CLI in another terminal can
 * reach it. Time skipping is locked off: an approval wait must take real hours, not jump to its
 * timeout. It keeps nothing on disk and has no Schedules or visibility queries.
 */
public final class EmbeddedTemporalServer implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalServer.class);

  private final TestServer.PortBoundTestServer server;
  private final int port;

  private EmbeddedTemporalServer(TestServer.PortBoundTestServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts on {@code port}, or on a free port when it is 0. */
  public static EmbeddedTemporalServer start(int port) {
    int chosen = port == 0 ? freePort() : port;
    TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(chosen, true);
    log.info("embedded Temporal test server listening on localhost:{}", chosen);
    return new EmbeddedTemporalServer(server, chosen);
  }

  public String address() {
    return "localhost:" + port;
  }

  @Override
  public void close() {
    server.close();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free local port for the embedded Temporal server", e);
    }
  }
}
