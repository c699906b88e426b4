package dev.tollgate.activities.registry;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real PostgreSQL for the registry tests: Debian's server binaries (installed by {@code
 * scripts/install-postgres.sh}, found through {@code TOLLGATE_PG_BIN} or under
 * /usr/lib/postgresql), a fresh cluster in a temporary folder ({@code initdb}, trust auth on
 * loopback only), started on a free port and stopped when the test run ends. As root (CI), the
 * server runs as the {@code postgres} user, which initdb requires. Nothing here skips: without the
 * binaries the tests fail and say what to install. Each {@link #newDatabase()} is an empty one.
 */
public final class PostgresServer implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final Path bin;
  private final Path data;
  private final int port;

  private PostgresServer(Path bin, Path data, int port) {
    this.bin = bin;
    this.data = data;
    this.port = port;
  }

  public static PostgresServer start() throws IOException, InterruptedException {
    Path bin = binaries();
    Path dir = Files.createTempDirectory("tollgate-pg-");
    Path data = dir.resolve("data");
    if (asRoot()) run(List.of("chown", "postgres:postgres", dir.toString()), dir);
    run(
        command(
            bin,
            "initdb",
            "-D",
            data.toString(),
            "-U",
            "tollgate",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync"),
        dir);
    int port = freePort();
    PostgresServer server = new PostgresServer(bin, data, port);
    server.launch();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-stop"));
    return server;
  }

  /** Stops the server as an outage does (connections dropped); the data stays for a restart. */
  public void stopServer() throws IOException, InterruptedException {
    run(
        command(bin, "pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop"),
        data.getParent());
  }

  /** Starts it again after {@link #stopServer()}, on the same port with the same data. */
  public void startAgain() throws IOException, InterruptedException {
    launch();
  }

  private void launch() throws IOException, InterruptedException {
    Path dir = data.getParent();
    String options =
        "-c listen_addresses=127.0.0.1 -c port=" + port + " -k " + dir + " -c fsync=off";
    run(
        command(
            bin,
            "pg_ctl",
            "-D",
            data.toString(),
            "-l",
            dir.resolve("server.log").toString(),
            "-w",
            "-t",
            String.valueOf(STARTUP.toSeconds()),
            "-o",
            options,
            "start"),
        dir);
  }

  /** A new, empty database on this server; its JDBC URL. */
  public String newDatabase() throws SQLException {
    String name = "registry_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url("postgres"));
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return url(name);
  }

  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=tollgate";
  }

  @Override
  public void close() {
    try {
      stopServer();
    } catch (IOException | InterruptedException | IllegalStateException ignored) {
      // already stopped
    }
  }

  private static Path binaries() {
    String env = System.getenv("TOLLGATE_PG_BIN");
    List<Path> candidates = new ArrayList<>();
    if (env != null && !env.isBlank()) candidates.add(Path.of(env));
    try (var dirs = Files.list(Path.of("/usr/lib/postgresql"))) {
      dirs.sorted(java.util.Comparator.reverseOrder())
          .forEach(d -> candidates.add(d.resolve("bin")));
    } catch (IOException ignored) {
      // none there
    }
    return candidates.stream()
        .filter(d -> Files.isExecutable(d.resolve("initdb")))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no PostgreSQL server binaries (initdb): run scripts/install-postgres.sh, or set"
                        + " TOLLGATE_PG_BIN to their folder; the registry tests need a real server"));
  }

  private static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static List<String> command(Path bin, String tool, String... args) {
    List<String> out = new ArrayList<>();
    if (asRoot()) out.addAll(List.of("runuser", "-u", "postgres", "--"));
    out.add(bin.resolve(tool).toString());
    out.addAll(List.of(args));
    return out;
  }

  private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
    Path log = Files.createTempFile("tollgate-pg-cmd", ".log");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(STARTUP.toSeconds() + 30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish");
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed: " + Files.readString(log));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Hands tests the one server of the run, started on first use, closed when the run ends. */
  public static final class Extension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
        ExtensionContext.Namespace.create(PostgresServer.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context
          .getRoot()
          .getStore(NAMESPACE)
          .computeIfAbsent(
              PostgresServer.class,
              key -> {
                try {
                  return PostgresServer.start();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException("cannot start PostgreSQL", e);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException("interrupted starting PostgreSQL", e);
                }
              },
              PostgresServer.class);
    }
  }
}
