package dev.tollgate.activities.train.ray;

import dev.tollgate.activities.Echo;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text that came from Ray (its logs, its messages): without the terminal colours Ray puts around a
 * task's prefix ({@code \e[36m(work pid=7331)\e[0m}), so progress lines match and messages read
 * cleanly, and cut before it goes into a failure.
 */
final class AnsiText {
  private static final Pattern ESCAPES =
      Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?");

  private AnsiText() {}

  static String strip(String text) {
    return text == null ? "" : ESCAPES.matcher(text).replaceAll("");
  }

  /** The last {@code n} non-blank lines of {@code text}, stripped, each cut to 300 characters. */
  static List<String> lastLines(String text, int n) {
    String[] lines = strip(text).split("\r?\n");
    List<String> out = new ArrayList<>();
    for (int i = lines.length - 1; i >= 0 && out.size() < n; i--) {
      if (!lines[i].isBlank()) out.add(0, Echo.capped(lines[i], 300));
    }
    return out;
  }
}
