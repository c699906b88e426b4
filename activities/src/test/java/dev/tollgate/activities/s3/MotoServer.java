package dev.tollgate.activities.s3;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 API for the tests: moto's {@code moto_server} (PyPI), installed by {@code
 * scripts/install-moto.sh} into a cached virtualenv, run on a free loopback port. One server serves
 * the whole test run; it is stopped when the run ends, and by a shutdown hook if the JVM ends
 * first. Nothing here skips: without Python the tests fail and say what to install.
 */
public final class MotoServer implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(90);

  private final Process process;
  private final URI endpoint;
  private final Path log;
  private final Thread hook;

  private MotoServer(Process process, URI endpoint, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
    this.hook = new Thread(this::stop, "moto-server-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  public URI endpoint() {
    return endpoint;
  }

  public static MotoServer start() throws IOException, InterruptedException {
    Path executable = MotoInstall.server();
    int port = freePort();
    Path log = Path.of("target", "moto-server.log").toAbsolutePath();
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    var server = new MotoServer(process, URI.create("http://127.0.0.1:" + port), log);
    server.awaitAnswer();
    return server;
  }

  /** Polls until moto answers HTTP; fails with its log if it exits or takes too long. */
  private void awaitAnswer() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ping =
        HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        close();
        throw new IllegalStateException("moto_server exited at start:\n" + logText());
      }
      try {
        if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    close();
    throw new IllegalStateException(
        "moto_server did not answer within " + STARTUP + ":\n" + logText());
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: nothing left to remove
    }
  }

  private void stop() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private String logText() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
