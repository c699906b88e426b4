package dev.tollgate.activities.registry;

import dev.tollgate.activities.db.EmbeddedH2;
import dev.tollgate.stages.ModelRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * A home folder's embedded H2 registry, read without a worker ({@code tollgate models list|show
 * --home DIR}, e.g. after {@code tollgate demo}). Read-only all the way down: H2 opens the file
 * with {@code ACCESS_MODE_DATA=r} (no write reaches it, no trace file is made), the schema is
 * compared with this version's migrations but never migrated, and nothing is created when the file
 * is missing. H2 opens a file in one process at a time, so a worker running on the home refuses
 * this ({@link Refusal#IN_USE}). The one way into the registry's tables from outside the worker.
 */
public final class ReadOnlyRegistry implements AutoCloseable {
  static {
    EmbeddedH2.restrictClasses(); // before any H2 class loads, as for the worker's registry
  }

  private final Connection connection;

  private ReadOnlyRegistry(Connection connection) {
    this.connection = connection;
  }

  /** The registry's file in a home folder: what a worker holds open. */
  public static Path file(Path home) {
    return home.toAbsolutePath().normalize().resolve("registry").resolve("registry.mv.db");
  }

  /**
   * Opens the H2 registry under {@code home} read-only, as its owner ({@code user} and {@code
   * password} as the worker was given them, blank = H2's default).
   *
   * @throws Refused naming why it cannot be read
   */
  public static ReadOnlyRegistry open(Path home, String user, String password) {
    Path file = file(home);
    if (!Files.isRegularFile(file)) throw new Refused(Refusal.ABSENT, file.getParent(), null);
    String base = file.getParent().resolve("registry").toString();
    String url = "jdbc:h2:file:" + base + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0";
    String u = user == null ? "" : user;
    String p = password == null ? "" : password;
    Connection connection;
    try {
      connection = DriverManager.getConnection(url, u, p);
    } catch (SQLException e) {
      Refusal why = EmbeddedH2.inUse(e) ? Refusal.IN_USE : Refusal.UNREADABLE;
      throw new Refused(why, file.getParent(), e);
    }
    try {
      int pending =
          Flyway.configure()
              .dataSource(url, u, p)
              .locations("classpath:db/registry")
              .table("registry_schema_history")
              .load()
              .info()
              .pending()
              .length;
      if (pending > 0) throw new Refused(Refusal.OUTDATED, file.getParent(), null);
      return new ReadOnlyRegistry(connection);
    } catch (RuntimeException e) {
      close(connection);
      throw e instanceof Refused r ? r : new Refused(Refusal.UNREADABLE, file.getParent(), e);
    }
  }

  /** Every model with its versions and aliases (no audit trail), by name. */
  public List<ModelRecord> list() {
    try {
      List<ModelRecord> out = new ArrayList<>();
      for (String model : RegistryReads.models(connection)) {
        out.add(RegistryReads.describe(connection, model, false));
      }
      return out;
    } catch (SQLException e) {
      throw new Refused(Refusal.UNREADABLE, null, e);
    }
  }

  /**
   * One model with its versions, aliases and audit trail.
   *
   * @throws Refused {@link Refusal#NO_SUCH_MODEL} naming the models there are
   */
  public ModelRecord show(String model) {
    try {
      List<String> models = RegistryReads.models(connection);
      if (!models.contains(model)) {
        throw Refused.noSuchModel(model, models);
      }
      return RegistryReads.describe(connection, model, true);
    } catch (SQLException e) {
      throw new Refused(Refusal.UNREADABLE, null, e);
    }
  }

  @Override
  public void close() {
    close(connection);
  }

  private static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // read-only: nothing to lose
    }
  }

  /** Why the registry could not be read. */
  public enum Refusal {
    /** No registry file under the home: nothing ran there, or its registry is elsewhere. */
    ABSENT,
    /** Another process (a worker, a demo) has the file open. */
    IN_USE,
    /** Written by an older Tollgate: a worker brings the schema up to date at its start. */
    OUTDATED,
    /** No such model in the registry. */
    NO_SUCH_MODEL,
    /** Anything else: a damaged file, wrong credentials. */
    UNREADABLE
  }

  /** The registry cannot be read, and why ({@link #refusal()}) and where ({@link #folder()}). */
  public static final class Refused extends RuntimeException {
    private final Refusal refusal;
    private final transient Path folder;

    Refused(Refusal refusal, Path folder, Throwable cause) {
      this(refusal, folder, refusal + (cause == null ? "" : ": " + root(cause)), cause);
    }

    private Refused(Refusal refusal, Path folder, String message, Throwable cause) {
      super(message, cause);
      this.refusal = refusal;
      this.folder = folder;
    }

    static Refused noSuchModel(String model, List<String> models) {
      return new Refused(
          Refusal.NO_SUCH_MODEL,
          null,
          "no model " + model + " in the registry (models: " + models + ")",
          null);
    }

    public Refusal refusal() {
      return refusal;
    }

    /** The registry's folder, {@code <home>/registry}; {@code null} once it was opened. */
    public Path folder() {
      return folder;
    }

    private static String root(Throwable e) {
      Throwable r = e;
      while (r.getCause() != null && r.getCause() != r) r = r.getCause();
      return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
    }
  }
}
