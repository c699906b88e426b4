package dev.tollgate.worker.temporal;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal's Java test server, in-process, on a local port so the CLI in another terminal can reach
 * it. It has no TLS and no authentication: whoever reaches the port can start, read, decide and
 * cancel runs. So it listens on loopback unless the operator names another address, and logs the
 * address it really bound. Time skipping is locked off: an approval wait must take real hours, not
 * jump to its timeout. It keeps nothing on disk and has no Schedules or visibility queries.
 *
 * <p>Built here rather than by {@code TestServer.createPortBoundServer}, which binds every
 * interface ({@code *:port}) and takes no address: the same services ({@code TestServicesStarter},
 * the test server's internal API, pinned with the SDK) on a gRPC server bound to one address.
 */
public final class EmbeddedTemporalServer implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalServer.class);

  private final TestServicesStarter services;
  private final Server server;
  private final InetSocketAddress bound;

  private EmbeddedTemporalServer(
      TestServicesStarter services, Server server, InetSocketAddress bound) {
    this.services = services;
    this.server = server;
    this.bound = bound;
  }

  /**
   * Starts on {@code bind}:{@code port} (port 0 = a free one the system picks).
   *
   * @param bind an IP address or host name; {@code 127.0.0.1} by default, {@code 0.0.0.0} for every
   *     interface (logged as a warning)
   */
  public static EmbeddedTemporalServer start(String bind, int port) {
    InetSocketAddress wanted = new InetSocketAddress(address(bind), port);
    TestServicesStarter services = new TestServicesStarter(true, 0); // true: time skipping off
    try {
      NettyServerBuilder builder =
          NettyServerBuilder.forAddress(wanted, InsecureServerCredentials.create());
      GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
      Server server = builder.build().start();
      InetSocketAddress bound = (InetSocketAddress) server.getListenSockets().get(0);
      EmbeddedTemporalServer started = new EmbeddedTemporalServer(services, server, bound);
      started.logBound(bind);
      return started;
    } catch (IOException e) {
      services.close();
      throw new UncheckedIOException(
          "the embedded Temporal server cannot listen on " + hostPort(wanted) + ": " + e, e);
    }
  }

  /** Where a client on this machine reaches it: the bound address, or loopback for a wildcard. */
  public String address() {
    InetAddress a = bound.getAddress();
    return a.isAnyLocalAddress() ? "127.0.0.1:" + port() : listening();
  }

  /** The address and port it listens on, as bound. */
  public String listening() {
    return hostPort(bound);
  }

  public int port() {
    return bound.getPort();
  }

  @Override
  public void close() {
    try {
      server.shutdown();
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        log.warn("the embedded Temporal server did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      services.close();
      server.shutdownNow();
    }
  }

  private void logBound(String bind) {
    if (bound.getAddress().isLoopbackAddress()) {
      log.info(
          "embedded Temporal test server listening on {} (this machine only;"
              + " tollgate.temporal.embedded-bind changes it)",
          listening());
    } else {
      log.warn(
          "embedded Temporal test server listening on {} ({}), beyond this machine, with no TLS"
              + " and no authentication: anyone who reaches the port can start, read, approve and"
              + " cancel runs. Set by tollgate.temporal.embedded-bind={}; use a real Temporal"
              + " server with mTLS for anything shared",
          listening(),
          bound.getAddress().isAnyLocalAddress() ? "every interface" : "not loopback",
          bind);
    }
  }

  private static InetAddress address(String bind) {
    try {
      return InetAddress.getByName(bind.strip());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "tollgate.temporal.embedded-bind: '" + bind + "' is not an address of this machine", e);
    }
  }

  private static String hostPort(InetSocketAddress a) {
    String host = a.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
  }
}
