package dev.tollgate.activities.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folders and files only their owner can open (0700, 0600). The worker's home holds the registry,
 * the events (failure messages, approvers' comments) and what local serving answers with: other
 * users of the machine have no business reading or changing any of it. A file system without POSIX
 * permissions (Windows) is left as it is; a folder this user cannot change (a volume owned by
 * another user) is logged and left as it is, since refusing to start would help nobody.
 */
public final class OwnerOnly {
  private static final Logger log = LoggerFactory.getLogger(OwnerOnly.class);
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private static final List<String> MARKS =
      List.of("registry", "artifacts", "serving", "events.jsonl");

  private OwnerOnly() {}

  /** Creates {@code dir} (and missing parents) as 0700, or narrows an existing one to 0700. */
  public static Path folder(Path dir) {
    try {
      if (!POSIX) return Files.createDirectories(dir);
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(FOLDER));
      }
      narrow(dir, FOLDER);
    } catch (IOException e) {
      log.warn("cannot create {} or make it private to this user: {}", dir, e.toString());
    }
    return dir;
  }

  /**
   * The worker's home: created 0700, or an existing one narrowed to 0700 when it is empty or holds
   * what Tollgate keeps there (its registry, artifacts, serving pointers, events or the demo's
   * log). Any other folder (a home pointed at {@code /tmp}, {@code $HOME} or a repository by
   * mistake) is not changed behind the operator's back: a warning says what is open and what to do.
   */
  public static Path home(Path dir) {
    if (!POSIX || !Files.isDirectory(dir) || looksLikeAHome(dir)) return folder(dir);
    try {
      Set<PosixFilePermission> now = Files.getPosixFilePermissions(dir);
      if (!now.equals(FOLDER)) {
        log.warn(
            "{} is {}: other users of this machine may read what Tollgate keeps there. It holds"
                + " other things too, so it is left as it is: chmod 700 it, or give Tollgate a"
                + " folder of its own (TOLLGATE_HOME, --home)",
            dir,
            PosixFilePermissions.toString(now));
      }
    } catch (IOException e) {
      log.warn("cannot read the permissions of {}: {}", dir, e.toString());
    }
    return dir;
  }

  /** Empty, or holding something only Tollgate puts there (the demo's log among them). */
  private static boolean looksLikeAHome(Path dir) {
    try (var entries = Files.list(dir)) {
      List<String> names = entries.map(p -> p.getFileName().toString()).toList();
      return names.isEmpty()
          || names.stream().anyMatch(MARKS::contains)
          || Files.isRegularFile(dir.resolve("logs").resolve("worker.log"));
    } catch (IOException e) {
      return false;
    }
  }

  /** Narrows {@code file} to 0600 when it exists. */
  public static void file(Path file) {
    if (!POSIX || !Files.isRegularFile(file)) return;
    try {
      narrow(file, FILE);
    } catch (IOException e) {
      log.warn("cannot make {} private to this user: {}", file, e.toString());
    }
  }

  /** For {@code FileChannel.open(..., CREATE)}: a file created 0600 from its first byte. */
  public static FileAttribute<?>[] newFile() {
    return POSIX
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
        : new FileAttribute<?>[0];
  }

  private static void narrow(Path path, Set<PosixFilePermission> wanted) throws IOException {
    Set<PosixFilePermission> now = Files.getPosixFilePermissions(path);
    if (now.equals(wanted)) return;
    Files.setPosixFilePermissions(path, wanted);
    log.info(
        "{} was {}, now {}: only its owner may open it",
        path,
        PosixFilePermissions.toString(now),
        PosixFilePermissions.toString(wanted));
  }
}
