package dev.tollgate.cli.approval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Locale;

/** Asks a yes/no question on the terminal. Anything but y or yes, including EOF, is no. */
public final class ApprovalPrompt {
  private final BufferedReader in;
  private final PrintWriter out;

  public ApprovalPrompt(InputStream in, PrintWriter out) {
    this.in = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
    this.out = out;
  }

  public boolean ask(String question) {
    out.print(question + " [y/N] ");
    out.flush();
    String answer;
    try {
      answer = in.readLine();
    } catch (IOException e) {
      answer = null;
    }
    if (answer == null) {
      out.println();
      out.println("(no answer: taken as no)");
      out.flush();
      return false;
    }
    String a = answer.trim().toLowerCase(Locale.ROOT);
    return a.equals("y") || a.equals("yes");
  }
}
