package dev.tollgate.activities.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tollgate.activities.files.OwnerOnly;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The registry's database: a connection pool over {@code url}, its schema brought up to date by
 * Flyway ({@code db/registry/V*.sql}) when opened. The embedded default is an H2 file under the
 * worker's home ({@link #openH2}); production points {@code tollgate.registry.url} at PostgreSQL.
 */
public final class RegistryDatabase implements AutoCloseable {
  static {
    EmbeddedH2.restrictClasses(); // before any H2 class loads
  }

  private final HikariDataSource pool;
  private final Connection owner;

  private RegistryDatabase(HikariDataSource pool, Connection owner) {
    this.pool = pool;
    this.owner = owner;
  }

  /**
   * H2 in file mode, {@code <home>/registry/registry.mv.db}, in one process at a time: H2 locks the
   * file (an OS lock, released when the process dies, even by SIGKILL) and refuses a second
   * process. There is no AUTO_SERVER, which listened on every interface for any local user holding
   * the key from its world-readable {@code registry.lock.db}. Several workers on one home keep the
   * registry in PostgreSQL. WRITE_DELAY=0 writes each commit to the file before the commit returns:
   * H2's default (500 ms) lost a promotion that had been reported done when the worker was
   * SIGKILLed right after it (found by StageKillIT, notify case). The file is not fsynced per
   * commit: a killed process loses nothing, a machine that loses power may lose the last half
   * second (use PostgreSQL).
   */
  public static String h2Url(Path home) {
    return h2File(home) + ";WRITE_DELAY=0";
  }

  private static String h2File(Path home) {
    Path file = home.toAbsolutePath().normalize().resolve("registry").resolve("registry");
    return "jdbc:h2:file:" + file;
  }

  /**
   * The worker's embedded registry ({@link #h2Url}): the home and its {@code registry} folder made
   * 0700 and the database files 0600; migrated by the database's owner ({@code user}, blank = H2's
   * default admin), worked on by a user without admin rights ({@link EmbeddedH2}).
   *
   * @throws RegistryUnavailable when another process has it open, or it cannot be opened
   */
  public static RegistryDatabase openH2(Path home, String user, String password) {
    Path dir = OwnerOnly.home(home.toAbsolutePath().normalize()).resolve("registry");
    OwnerOnly.folder(dir);
    String url = h2Url(home);
    String ownerName = user == null ? "" : user;
    String ownerPassword = password == null ? "" : password;
    Connection owner;
    try {
      owner = DriverManager.getConnection(url, ownerName, ownerPassword);
    } catch (SQLException e) {
      throw EmbeddedH2.inUse(e)
          ? RegistryUnavailable.inUse(dir, e)
          : RegistryUnavailable.at(url, e);
    }
    try {
      migrate(Flyway.configure().dataSource(url, ownerName, ownerPassword), url);
      EmbeddedH2.grantAppUser(owner);
      HikariDataSource pool = pool(h2File(home), EmbeddedH2.APP_USER, EmbeddedH2.APP_PASSWORD);
      for (String name : List.of("registry.mv.db", "registry.trace.db")) {
        OwnerOnly.file(dir.resolve(name));
      }
      return new RegistryDatabase(pool, owner);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(owner);
      throw e instanceof RegistryUnavailable r ? r : RegistryUnavailable.at(url, e);
    }
  }

  /**
   * Connects, migrates the schema and returns the database.
   *
   * @throws RegistryUnavailable when the database cannot be reached or migrated, naming the URL
   */
  public static RegistryDatabase open(String url, String user, String password) {
    if (url.toUpperCase(Locale.ROOT).replace(" ", "").contains("AUTO_SERVER=TRUE")) {
      throw RegistryUnavailable.autoServer(url);
    }
    HikariDataSource pool = pool(url, user, password);
    try {
      migrate(Flyway.configure().dataSource(pool), url);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new RegistryDatabase(pool, null);
  }

  private static HikariDataSource pool(String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (user != null && !user.isBlank()) config.setUsername(user);
    if (password != null && !password.isBlank()) config.setPassword(password);
    config.setMaximumPoolSize(8);
    config.setPoolName("tollgate-registry");
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(10_000);
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw RegistryUnavailable.at(url, e);
    }
  }

  private static void migrate(FluentConfiguration flyway, String url) {
    try {
      flyway.locations("classpath:db/registry").table("registry_schema_history").load().migrate();
    } catch (RuntimeException e) {
      throw RegistryUnavailable.at(url, e);
    }
  }

  public DataSource dataSource() {
    return pool;
  }

  /**
   * Whether {@code e} is a unique-key violation (SQLState 23505 in H2 and PostgreSQL): the row a
   * concurrent or retried insert wanted is there already.
   */
  public static boolean isDuplicateKey(java.sql.SQLException e) {
    return "23505".equals(e.getSQLState());
  }

  public Connection connection() throws SQLException {
    return pool.getConnection();
  }

  @Override
  public void close() {
    pool.close();
    if (owner != null) closeQuietly(owner);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing: nothing left to do with it
    }
  }

  /** The URL without a password that a URL may carry (?password=...). */
  static String safe(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  /** The registry's database cannot be used: the worker refuses to start (exit code 3). */
  public static final class RegistryUnavailable extends RuntimeException {
    private RegistryUnavailable(String message, Throwable cause) {
      super(message, cause);
    }

    static RegistryUnavailable at(String url, Throwable cause) {
      return new RegistryUnavailable(
          "the model registry at " + safe(url) + " cannot be used: " + root(cause), cause);
    }

    /** A second process on one home: what to do instead, not H2's lock-file details. */
    static RegistryUnavailable inUse(Path dir, Throwable cause) {
      return new RegistryUnavailable(
          "the model registry in "
              + dir
              + " is in use by another process: an H2 registry opens in one process at a time."
              + " Stop the other `tollgate worker` or `tollgate demo` on this home, give this one"
              + " a home of its own (--home, TOLLGATE_HOME), or keep the registry in PostgreSQL"
              + " (TOLLGATE_REGISTRY_URL) to run several workers on one home",
          cause);
    }

    static RegistryUnavailable autoServer(String url) {
      return new RegistryUnavailable(
          "the model registry at "
              + safe(url)
              + " cannot be used: AUTO_SERVER opens a TCP port on every interface, guarded by a"
              + " key in a file other users may read. Drop it (an H2 file opens in one process"
              + " at a time), or use PostgreSQL for several processes",
          null);
    }

    private static String root(Throwable e) {
      Throwable r = e;
      while (r.getCause() != null && r.getCause() != r) r = r.getCause();
      return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
    }
  }
}
