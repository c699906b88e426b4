package dev.tollgate.spec;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Paths a spec names for code it runs ({@code training.workdir}, {@code python.requirements}):
 * resolved against a folder and refused when they leave the spec's folder, so a spec cannot point
 * the worker at code elsewhere on its disk ({@code ../../etc}, {@code /home/other}). Checked on the
 * text here; the worker checks again on the real path (symbolic links) before running anything.
 */
final class SpecPaths {
  private SpecPaths() {}

  /**
   * {@code key} resolved against {@code from}, or {@code from} itself when the key is absent; a
   * {@link SpecException} when the result is outside {@code specDir}.
   */
  static Path inside(YamlSection s, String key, Path from, Path specDir) {
    String text = s.string(key, false);
    if (text == null) return from;
    Path resolved;
    try {
      resolved = from.resolve(text).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw s.error(key, "not a path: '" + SpecValues.shown(text) + "'");
    }
    if (!resolved.startsWith(specDir)) {
      throw s.error(
          key,
          "must be inside the spec's folder "
              + specDir
              + " (a spec runs only code that sits beside it), got '"
              + SpecValues.shown(text)
              + "'");
    }
    return resolved;
  }
}
