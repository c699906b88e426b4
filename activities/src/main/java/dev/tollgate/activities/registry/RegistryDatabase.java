package dev.tollgate.activities.registry;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The registry's database: a connection pool over {@code url}, its schema brought up to date by
 * Flyway ({@code db/registry/V*.sql}) when opened. The embedded default is an H2 file under the
 * worker's home ({@link #h2Url}); production points {@code tollgate.registry.url} at PostgreSQL.
 */
public final class RegistryDatabase implements AutoCloseable {
  private final HikariDataSource pool;

  private RegistryDatabase(HikariDataSource pool) {
    this.pool = pool;
  }

  /**
   * H2 in file mode, {@code <home>/registry/registry.mv.db}. AUTO_SERVER lets a second process (a
   * restarted worker overlapping the old one, a second worker on the same home) open it too.
   * WRITE_DELAY=0 writes each commit to the file before the commit returns: H2's default (500 ms)
   * lost a promotion that had been reported done when the worker was SIGKILLed right after it
   * (found by StageKillIT, notify case). The file is not fsynced per commit: a killed process loses
   * nothing, a machine that loses power may lose the last half second (use PostgreSQL).
   */
  public static String h2Url(Path home) {
    Path file = home.toAbsolutePath().normalize().resolve("registry").resolve("registry");
    return "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
  }

  /**
   * Connects, migrates the schema and returns the database.
   *
   * @throws RegistryUnavailable when the database cannot be reached or migrated, naming the URL
   */
  public static RegistryDatabase open(String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (user != null && !user.isBlank()) config.setUsername(user);
    if (password != null && !password.isBlank()) config.setPassword(password);
    config.setMaximumPoolSize(8);
    config.setPoolName("tollgate-registry");
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(10_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new RegistryUnavailable(safe(url), e);
    }
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/registry")
          .table("registry_schema_history")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw new RegistryUnavailable(safe(url), e);
    }
    return new RegistryDatabase(pool);
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

  Connection connection() throws SQLException {
    return pool.getConnection();
  }

  @Override
  public void close() {
    pool.close();
  }

  /** The URL without a password that a URL may carry (?password=...). */
  static String safe(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  /** The registry's database cannot be used: the worker refuses to start (exit code 3). */
  public static final class RegistryUnavailable extends RuntimeException {
    RegistryUnavailable(String url, Throwable cause) {
      super("the model registry at " + url + " cannot be used: " + root(cause), cause);
    }

    private static String root(Throwable e) {
      Throwable r = e;
      while (r.getCause() != null && r.getCause() != r) r = r.getCause();
      return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
    }
  }
}
