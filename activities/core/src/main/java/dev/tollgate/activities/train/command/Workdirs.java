package dev.tollgate.activities.train.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The worker's own check of a command's folders before it runs anything: the spec reader refused
 * {@code ../} on the text, but a symbolic link inside the spec's folder can still point elsewhere
 * ({@code trainer -> /home/other/code}). Here both paths are resolved on this machine's disk.
 */
public final class Workdirs {
  private Workdirs() {}

  /** Thrown with a message ready for the run's failure. */
  public static final class Outside extends Exception {
    Outside(String message) {
      super(message);
    }
  }

  /**
   * {@code path}'s real location, which must exist and lie inside {@code specDir}'s real location.
   *
   * @param key the spec key it came from ({@code training.workdir}), for the message
   */
  public static Path inside(Path path, Path specDir, String key) throws Outside, IOException {
    if (!Files.exists(path)) {
      throw new Outside(key + ": " + path + " does not exist on this worker");
    }
    Path real = path.toRealPath();
    Path base = specDir.toRealPath();
    if (!real.startsWith(base)) {
      throw new Outside(
          key
              + ": "
              + path
              + " leads outside the spec's folder "
              + base
              + " (a symbolic link to "
              + real
              + "?); a spec runs only code that sits beside it");
    }
    return real;
  }
}
