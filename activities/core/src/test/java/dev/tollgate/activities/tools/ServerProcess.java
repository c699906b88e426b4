package dev.tollgate.activities.tools;

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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real server for the tests (moto, MLflow), run as a child process on a loopback port: started,
 * polled until its health address answers 200, and stopped with its children (MLflow runs uvicorn
 * under it) on {@link #close}, or by a shutdown hook if the JVM ends first.
 */
public final class ServerProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;
  private final Thread hook;

  private ServerProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.hook = new Thread(this::stop, name + "-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Starts {@code command} (output to {@code log}) and waits until {@code health} answers. */
  public static ServerProcess start(
      String name, List<String> command, Path log, URI health, Duration startup)
      throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ServerProcess server = new ServerProcess(name, process, log);
    server.awaitAnswer(health, startup);
    return server;
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Polls until the server answers 200; fails with its log if it exits or takes too long. */
  private void awaitAnswer(URI health, Duration startup) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ping = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + startup.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        close();
        throw new IllegalStateException(name + " exited at start:\n" + logText());
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
    throw new IllegalStateException(name + " did not answer within " + startup + ":\n" + logText());
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
    List<ProcessHandle> children = process.descendants().toList();
    children.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      for (ProcessHandle child : children) {
        if (!child.onExit().completeOnTimeout(child, 10, TimeUnit.SECONDS).join().isAlive()) {
          continue;
        }
        child.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private String logText() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)";
  }
}
