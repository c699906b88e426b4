package dev.tollgate.activities.commits;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The files a push or pull request changed, as paths in the repository; or "everything" when there
 * is nothing to compare with (a new branch, a base the remote no longer has).
 */
public final class ChangedFiles {
  private static final Pattern ZEROS = Pattern.compile("0+");

  private final Set<String> paths; // null: everything

  private ChangedFiles(Set<String> paths) {
    this.paths = paths;
  }

  public static ChangedFiles everything() {
    return new ChangedFiles(null);
  }

  public static ChangedFiles of(Set<String> paths) {
    return new ChangedFiles(new TreeSet<>(paths));
  }

  /** Whether {@code base} names no commit to compare with: empty, or all zeros (a new branch). */
  public static boolean noBase(String base) {
    return base == null || base.isBlank() || ZEROS.matcher(base.strip()).matches();
  }

  /**
   * The files {@code git diff --name-only -z} printed. {@code -z}: names are NUL-separated and not
   * quoted, so a name with a space or non-ASCII letters is read as it is.
   */
  static ChangedFiles fromDiff(String nulSeparated) {
    return of(
        new TreeSet<>(Arrays.stream(nulSeparated.split("\0")).filter(s -> !s.isBlank()).toList()));
  }

  public boolean isEverything() {
    return paths == null;
  }

  /** Whether {@code file} changed. */
  public boolean file(String file) {
    return paths == null || paths.contains(file);
  }

  /** Whether anything under {@code folder} changed ({@code ""} = anything at all). */
  public boolean under(String folder) {
    if (paths == null) return true;
    if (folder.isEmpty()) return !paths.isEmpty();
    String prefix = folder.endsWith("/") ? folder : folder + "/";
    return paths.stream().anyMatch(p -> p.equals(folder) || p.startsWith(prefix));
  }

  @Override
  public String toString() {
    return paths == null ? "everything" : paths.size() + " files";
  }
}
