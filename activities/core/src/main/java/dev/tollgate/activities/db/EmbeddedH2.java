package dev.tollgate.activities.db;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the embedded registry's H2 database is locked down. Its owner (the database's admin, the user
 * that created the file) migrates the schema and holds the database open; the work goes through
 * {@link #APP_USER}, which may read and write the tables and nothing else: no {@code CREATE ALIAS}
 * (Java code in the worker), no {@code FILE_READ}, {@code CSVREAD}, {@code SCRIPT TO} or {@code
 * LINK_SCHEMA} — H2 keeps all of those for admins. A query that ever went wrong (SQL built from a
 * value) can then read and write rows, not run code or reach files.
 *
 * <p>And for what still runs as the owner (migrations, a database file someone altered): {@code
 * h2.allowedClasses} is set to no class at all, so no alias, trigger or aggregate can load a Java
 * class by name. It is a JVM-wide H2 setting read once, when H2 first loads: it is set here before
 * any H2 class is touched, unless the operator set it on the command line ({@code -D}).
 */
public final class EmbeddedH2 {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedH2.class);
  static final String ALLOWED_CLASSES = "h2.allowedClasses";

  /** The user the pool connects as. */
  static final String APP_USER = "TOLLGATE_APP";

  /**
   * Its password: new in every JVM, kept in memory only. Nothing outside this process can connect
   * to the file anyway (no server, one process at a time), so it is never written down.
   */
  static final String APP_PASSWORD = HexFormat.of().formatHex(randomBytes());

  private EmbeddedH2() {}

  /** Called from {@link RegistryDatabase}'s static initializer, before H2 loads. */
  public static void restrictClasses() {
    String set = System.getProperty(ALLOWED_CLASSES);
    if (set == null) {
      System.setProperty(ALLOWED_CLASSES, "");
    } else if (!set.isEmpty()) {
      log.warn("{}={} (set on the command line): H2 may load those classes", ALLOWED_CLASSES, set);
    }
  }

  /**
   * As the owner: creates {@link #APP_USER} when missing, sets its password for this JVM and grants
   * it the rows of every table in PUBLIC, present and future.
   */
  static void grantAppUser(Connection owner) throws SQLException {
    try (Statement s = owner.createStatement()) {
      s.execute("CREATE USER IF NOT EXISTS " + APP_USER + " PASSWORD '" + APP_PASSWORD + "'");
      s.execute("ALTER USER " + APP_USER + " SET PASSWORD '" + APP_PASSWORD + "'");
      s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA PUBLIC TO " + APP_USER);
    }
  }

  /** H2's "database may be already in use" (another process holds the file lock). */
  public static boolean inUse(Throwable e) {
    for (Throwable c = e; c != null && c != c.getCause(); c = c.getCause()) {
      if (c instanceof SQLException sql && sql.getErrorCode() == 90020) return true;
    }
    return false;
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
