package dev.tollgate.activities.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.db.RegistryDatabase;
import dev.tollgate.activities.net.ListeningSockets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, item 6: the embedded registry opened no TCP port that any local user could reach with
 * the key from a world-readable lock file and empty credentials, and then run Java through {@code
 * CREATE ALIAS}. Now: no listener, no admin rights for the worker's own connections, no Java
 * classes for aliases even as the owner, files for this user only, one process per home.
 */
class EmbeddedRegistryLockdownTest {
  private static final String GETENV =
      "CREATE ALIAS GETENV FOR 'java.lang.System.getenv(java.lang.String)'";

  @TempDir Path home;

  @Test
  void opensNoTcpPort() throws Exception {
    List<ListeningSockets.Listener> before = ListeningSockets.ofThisProcess();
    try (RegistryDatabase db = RegistryDatabase.openH2(home, null, null)) {
      assertThat(ListeningSockets.ofThisProcess()).containsExactlyInAnyOrderElementsOf(before);
      // AUTO_SERVER wrote the server's address and its key there; the OS lock needs no file
      assertThat(home.resolve("registry/registry.lock.db")).doesNotExist();
    }
  }

  @Test
  void theWorkersConnectionsCannotRunJavaOrReadFiles() throws Exception {
    try (RegistryDatabase db = RegistryDatabase.openH2(home, null, null);
        Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute(GETENV))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Admin rights are required");
      assertThatThrownBy(
              () ->
                  s.execute("CREATE ALIAS E2 AS 'String e(String k) { return System.getenv(k); }'"))
          .hasMessageContaining("Admin rights are required");
      assertThatThrownBy(() -> s.executeQuery("SELECT FILE_READ('/proc/self/environ')"))
          .hasMessageContaining("Admin rights are required");
      // and it still does its job
      assertThat(s.executeQuery("SELECT COUNT(*) FROM model_version").next()).isTrue();
    }
  }

  @Test
  void evenTheOwnerCannotLoadAJavaClassForAnAlias() throws Exception {
    try (RegistryDatabase db = RegistryDatabase.open(RegistryDatabase.h2Url(home), null, null);
        Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute(GETENV))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Access to the class \"java.lang.System\" is denied");
    }
  }

  @Test
  void refusesAnAutoServerUrl() {
    assertThatThrownBy(
            () -> RegistryDatabase.open(RegistryDatabase.h2Url(home) + ";AUTO_SERVER=TRUE", "", ""))
        .isInstanceOf(RegistryDatabase.RegistryUnavailable.class)
        .hasMessageContaining("AUTO_SERVER opens a TCP port on every interface");
  }

  @Test
  void homeAndFilesAreTheOwnersOnly() throws Exception {
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (RegistryDatabase db = RegistryDatabase.openH2(home, null, null)) {
      assertThat(mode(home)).isEqualTo("rwx------");
      assertThat(mode(home.resolve("registry"))).isEqualTo("rwx------");
      assertThat(mode(home.resolve("registry/registry.mv.db"))).isEqualTo("rw-------");
    }
  }

  @Test
  void aSecondProcessOnTheSameHomeIsToldWhatToDo() throws Exception {
    try (RegistryDatabase db = RegistryDatabase.openH2(home, null, null)) {
      Process other =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  OpenRegistryMain.class.getName(),
                  home.toString())
              .redirectErrorStream(true)
              .start();
      assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String output = new String(other.getInputStream().readAllBytes());
      assertThat(other.exitValue()).as(output).isEqualTo(3);
      assertThat(output)
          .contains("is in use by another process: an H2 registry opens in one process at a time")
          .contains("--home", "TOLLGATE_REGISTRY_URL");
    }
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  /** The other process: opens the registry as the worker does and prints why it could not. */
  public static final class OpenRegistryMain {
    public static void main(String[] args) {
      try (RegistryDatabase db = RegistryDatabase.openH2(Path.of(args[0]), null, null)) {
        System.out.println("opened");
      } catch (RegistryDatabase.RegistryUnavailable e) {
        System.out.println(e.getMessage());
        System.exit(3);
      }
    }
  }
}
