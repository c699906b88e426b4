package dev.tollgate.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fenced code blocks of a Markdown file that hold a pipeline spec, or a piece of one: every
 * {@code ```yaml} block, and any other block with a line starting {@code model:} (a spec without
 * its label). A block right after the line {@value #NOT_A_SPEC} is left out: YAML that is
 * deliberately not a spec; one right after {@value #POLICY} is an approval policy file, parsed as
 * one. The rules are in docs/testing.md ("Specs in the docs").
 */
record SpecSnippets(Path doc, List<Snippet> snippets) {
  static final String NOT_A_SPEC = "<!-- not a spec -->";
  static final String POLICY = "<!-- approval policy -->";

  /**
   * One block.
   *
   * @param line the line of its opening fence, counted from 1
   * @param labelled whether the fence says {@code yaml} (or {@code yml})
   * @param policy whether it is an approval policy file ({@value #POLICY} before it)
   */
  record Snippet(Path doc, int line, boolean labelled, String text, boolean policy) {
    String where() {
      return doc + ":" + line;
    }

    /** A whole spec: its first line that is not blank or a comment starts {@code model:}. */
    boolean whole() {
      return text.lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .findFirst()
          .map(l -> l.startsWith("model:"))
          .orElse(false);
    }
  }

  static SpecSnippets of(Path doc) {
    List<String> lines;
    try {
      lines = Files.readAllLines(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Snippet> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String fence = lines.get(i).strip();
      if (!fence.startsWith("```")) continue;
      int start = i;
      StringBuilder body = new StringBuilder();
      for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
        body.append(lines.get(i)).append('\n');
      }
      String info = fence.substring(3).strip().toLowerCase(Locale.ROOT);
      boolean labelled = info.equals("yaml") || info.equals("yml");
      boolean looksLikeSpec = body.toString().lines().anyMatch(l -> l.startsWith("model:"));
      String marker = marker(lines, start);
      if ((labelled || looksLikeSpec) && !marker.equals(NOT_A_SPEC)) {
        found.add(new Snippet(doc, start + 1, labelled, body.toString(), marker.equals(POLICY)));
      }
    }
    return new SpecSnippets(doc, found);
  }

  /** The last non-blank line before the fence, stripped ("" when there is none). */
  private static String marker(List<String> lines, int fence) {
    for (int j = fence - 1; j >= 0; j--) {
      if (!lines.get(j).isBlank()) return lines.get(j).strip();
    }
    return "";
  }
}
