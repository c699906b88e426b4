package dev.tollgate.cli.common;

import dev.tollgate.activities.Echo;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * What the CLI writes to a terminal passes through here: control characters are dropped, so text
 * that came from a run (a failure quoting a data file, a comment, a model's summary) cannot move
 * the cursor, clear the screen, retitle the window or hide itself with escape sequences, nor
 * reorder itself with bidirectional overrides. Line breaks and tabs are kept.
 */
final class TerminalText {
  private TerminalText() {}

  /** {@code target} behind the filter, flushed at each line as picocli's writers are. */
  static PrintWriter guard(PrintWriter target) {
    return new PrintWriter(new Filter(target), true);
  }

  /** Whether {@code c} may reach the terminal. */
  static boolean shown(char c) {
    if (c == '\n' || c == '\t') return true;
    if (c == '\r') return System.lineSeparator().indexOf('\r') >= 0; // Windows line ends only
    return !Echo.hidden(c); // C0, DEL, C1 (CSI is one), bidirectional overrides
  }

  private static final class Filter extends FilterWriter {
    Filter(Writer target) {
      super(target);
    }

    @Override
    public void write(int c) throws IOException {
      if (shown((char) c)) out.write(c);
    }

    @Override
    public void write(char[] text, int off, int len) throws IOException {
      int start = off;
      for (int i = off; i < off + len; i++) {
        if (!shown(text[i])) {
          out.write(text, start, i - start);
          start = i + 1;
        }
      }
      out.write(text, start, off + len - start);
    }

    @Override
    public void write(String text, int off, int len) throws IOException {
      write(text.toCharArray(), off, len);
    }
  }
}
