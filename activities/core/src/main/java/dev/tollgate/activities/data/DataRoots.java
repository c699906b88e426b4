package dev.tollgate.activities.data;

import dev.tollgate.activities.Failures;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The folders a worker reads local datasets from ({@code tollgate.data-access.roots}). A spec names
 * a file; the worker decides whether it may be read. A path is normalised first ({@code ..} gone),
 * then its real path (every symbolic link followed) must still lie under a root, so neither {@code
 * ..} nor a link can leave one. Refused whatever the roots: {@code /proc}, {@code /sys} and {@code
 * /dev} (the worker's environment, memory and devices), anything that is not a regular file (a FIFO
 * would block the stage, a directory or device is no dataset), hidden files and folders below a
 * root ({@code .env}, {@code .aws}, {@code .git}, {@code .tollgate}) and the worker's own folders
 * (its home: registry, events, logs).
 */
public final class DataRoots {
  private static final List<Path> SYSTEM =
      List.of(Path.of("/proc"), Path.of("/sys"), Path.of("/dev"));

  private final List<Path> roots; // as configured, absolute and normalised
  private final List<Path> denied;
  private final boolean anywhere;

  private DataRoots(List<Path> roots, List<Path> denied, boolean anywhere) {
    this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    this.denied = denied.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    this.anywhere = anywhere;
  }

  /** Datasets under {@code roots} only; never under {@code denied} (the worker's home). */
  public static DataRoots of(List<Path> roots, List<Path> denied) {
    return new DataRoots(roots, denied, false);
  }

  /** Any regular file outside /proc, /sys and /dev: for tests and tools, never a worker. */
  public static DataRoots anywhere() {
    return new DataRoots(List.of(), List.of(), true);
  }

  /** The roots as configured, for the worker's start-up line and for refusals. */
  public List<Path> roots() {
    return roots;
  }

  /**
   * The real path of the regular file {@code path} ({@code uri} as a spec gave it), to be opened
   * instead of {@code path}; refused with a non-retryable failure otherwise.
   */
  Path check(String uri, Path path) {
    return check(uri, path, false, false);
  }

  /** As {@link #check(String, Path)}, {@code null} for a file that does not exist. */
  Path checkIfExists(String uri, Path path) {
    return check(uri, path, true, false);
  }

  /**
   * As {@link #check(String, Path)}, a folder also accepted (a Parquet dataset of part files, each
   * of which is checked in turn); {@code null} when {@code missingIsNull} and nothing is there.
   */
  Path checkFileOrFolder(String uri, Path path, boolean missingIsNull) {
    return check(uri, path, missingIsNull, true);
  }

  private Path check(String uri, Path path, boolean missingIsNull, boolean folderAllowed) {
    Path normal = path.toAbsolutePath().normalize();
    if (isSystem(normal)) throw system(uri);
    // resolved at each check: a root may be created, or its link moved, after the worker started
    List<Path> realRoots = roots.stream().map(DataRoots::real).toList();
    // before touching the file system: no answer tells whether a file outside exists
    if (!anywhere && under(normal, roots) == null && under(normal, realRoots) == null) {
      throw outside(uri, "is outside");
    }
    Path real;
    try {
      real = normal.toRealPath();
    } catch (NoSuchFileException e) {
      if (missingIsNull) return null;
      throw Failures.invalidData("dataset " + normal + " does not exist (data.train " + uri + ")");
    } catch (AccessDeniedException e) {
      throw Failures.invalidData("dataset " + normal + " cannot be read: permission denied");
    } catch (IOException e) {
      throw Failures.invalidData(
          "dataset " + normal + " cannot be read: " + e.getClass().getSimpleName());
    }
    if (isSystem(real)) throw system(uri);
    Path root = anywhere ? null : under(real, realRoots);
    if (!anywhere && root == null) throw outside(uri, "leads, through a symbolic link, outside");
    if (root != null && hidden(root.relativize(real))) {
      throw Failures.invalidData(
          "dataset "
              + uri
              + " is a hidden file or lies in a hidden folder (a name starting with"
              + " '.'): such files hold settings and secrets, not datasets, and are never read");
    }
    if (under(real, denied.stream().map(DataRoots::real).toList()) != null) {
      throw Failures.invalidData(
          "dataset "
              + uri
              + " lies in the worker's own folder (its registry, events and logs),"
              + " which is never read as data");
    }
    return regularFile(uri, real, folderAllowed);
  }

  private static Path regularFile(String uri, Path real, boolean folderAllowed) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw Failures.invalidData(
          "dataset " + uri + " cannot be read: " + e.getClass().getSimpleName());
    }
    if (a.isDirectory() && folderAllowed) return real;
    if (a.isDirectory()) {
      throw Failures.invalidData(
          "dataset "
              + real
              + " is a directory; data.train must name a CSV file (or a Parquet file, or a"
              + " folder of Parquet part files: end it with / or set data.format: parquet) (data.train "
              + uri
              + ")");
    }
    if (!a.isRegularFile()) {
      throw Failures.invalidData(
          "dataset "
              + uri
              + " is not a regular file (a FIFO, socket or device); only files are"
              + " read as data");
    }
    return real;
  }

  private static RuntimeException system(String uri) {
    return Failures.invalidData(
        "dataset "
            + uri
            + " is under /proc, /sys or /dev, which hold the worker's own process,"
            + " environment and devices; they are never read as data, whatever the worker allows");
  }

  private RuntimeException outside(String uri, String how) {
    return Failures.invalidData(
        "dataset "
            + uri
            + " "
            + how
            + " the folders this worker reads datasets from ("
            + (roots.isEmpty()
                ? "none"
                : roots.stream().map(Path::toString).collect(Collectors.joining(", ")))
            + "; tollgate.data-access.roots, TOLLGATE_DATA_ROOTS): put the file under one of"
            + " them, or ask the worker's operator to add its folder");
  }

  private static boolean isSystem(Path p) {
    return SYSTEM.stream().anyMatch(p::startsWith);
  }

  /** The first of {@code folders} that holds {@code p}, or {@code null}. */
  private static Path under(Path p, List<Path> folders) {
    for (Path f : folders) if (p.startsWith(f)) return f;
    return null;
  }

  private static boolean hidden(Path relative) {
    for (Path name : relative) if (name.toString().startsWith(".")) return true;
    return false;
  }

  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p; // a root that does not exist (yet) holds nothing to read
    }
  }

  @Override
  public String toString() {
    return anywhere ? "anywhere" : roots.toString();
  }
}
