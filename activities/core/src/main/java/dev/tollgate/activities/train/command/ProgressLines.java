package dev.tollgate.activities.train.command;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the command's progress lines into {@link RunListener#progress} calls: {@code
 * tollgate:progress 0.42 optional text}, or a line the spec's {@code progress_regex} matches (named
 * group {@code fraction} from 0 to 1 or {@code percent} from 0 to 100, optional group {@code
 * text}). Values outside the range are clamped; a line that does not parse is only logged.
 */
final class ProgressLines {
  private static final Pattern OURS =
      Pattern.compile("^tollgate:progress\\s+(?<fraction>[-+0-9.eE]+)(?:\\s+(?<text>.*))?$");

  static final int MAX_TEXT = 200;

  private final Pattern extra;
  private final RunListener listener;

  ProgressLines(Pattern extra, RunListener listener) {
    this.extra = extra;
    this.listener = listener;
  }

  /** Checks a spec's pattern: it must name a {@code fraction} or {@code percent} group. */
  static String problem(Pattern p) {
    String s = p.pattern();
    if (s.contains("(?<fraction>") || s.contains("(?<percent>")) return null;
    return "expected a named group (?<fraction>...) from 0 to 1 or (?<percent>...) from 0 to 100";
  }

  void accept(String line) {
    Matcher m = OURS.matcher(line.strip());
    if (m.matches()) {
      report(m.group("fraction"), 1, m.group("text"));
      return;
    }
    if (extra == null) return;
    m = extra.matcher(line);
    if (!m.find()) return;
    String pattern = extra.pattern();
    String text = pattern.contains("(?<text>") ? m.group("text") : null;
    if (pattern.contains("(?<fraction>")) {
      report(m.group("fraction"), 1, text);
    } else if (pattern.contains("(?<percent>")) {
      report(m.group("percent"), 100, text);
    }
  }

  private void report(String number, double scale, String text) {
    if (number == null) return;
    double value;
    try {
      value = Double.parseDouble(number.trim()) / scale;
    } catch (NumberFormatException e) {
      return;
    }
    if (Double.isNaN(value)) return;
    value = Math.max(0, Math.min(1, value));
    String shown = text == null ? "" : text.strip();
    // It goes onto the heartbeat and the CLI's progress line: a phrase, not a paragraph.
    if (shown.length() > MAX_TEXT) shown = shown.substring(0, MAX_TEXT) + "…";
    listener.progress(value, shown);
  }
}
