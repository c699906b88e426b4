package dev.tollgate.activities.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The home is made its owner's only when it is Tollgate's (new, empty, or holding its registry,
 * artifacts, serving pointers, events or the demo's log); a folder that holds other things, a home
 * pointed at {@code $HOME} or {@code /tmp} by mistake, is left alone.
 */
class OwnerOnlyTest {
  @TempDir Path dir;

  @Test
  void aNewHomeIsCreatedPrivate() throws Exception {
    Path home = OwnerOnly.home(dir.resolve("a/b/home"));
    assertThat(mode(home)).isEqualTo("rwx------");
  }

  @Test
  void anExistingTollgateHomeIsNarrowed() throws Exception {
    Files.createDirectories(dir.resolve("registry"));
    loosen(dir);
    OwnerOnly.home(dir);
    assertThat(mode(dir)).isEqualTo("rwx------");
  }

  @Test
  void aFolderHoldingOtherThingsIsLeftAsItIs() throws Exception {
    Files.writeString(dir.resolve(".bashrc"), "# someone's home");
    loosen(dir);
    OwnerOnly.home(dir);
    assertThat(mode(dir)).isEqualTo("rwxr-xr-x");
  }

  @Test
  void aFileIsNarrowedAndNewFilesAreBornPrivate() throws Exception {
    Path file = Files.writeString(dir.resolve("events.jsonl"), "{}\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    OwnerOnly.file(file);
    assertThat(mode(file)).isEqualTo("rw-------");
    Path fresh = Files.createFile(dir.resolve("fresh"), OwnerOnly.newFile());
    assertThat(mode(fresh)).isEqualTo("rw-------");
  }

  private static void loosen(Path path) throws Exception {
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
