package dev.tollgate.github;

import dev.tollgate.pipeline.RunSummaryMarkdown;
import java.util.List;

/**
 * The pull request's one Tollgate comment: a heading naming the commit, then each affected spec's
 * check (its {@link RunSummaryMarkdown}: metrics against Production, failed checks, the reports),
 * or why it has none, then the specs that do not parse. Replaced in place on every push, so it
 * always describes the newest commit. A pure function; text from the specs is escaped.
 */
final class DeliveryComment {
  private DeliveryComment() {}

  /** One spec's part: its run's end, or its problem. */
  record Part(String specPath, SpecEnd end, SpecProblem problem) {}

  static String render(GitHubDelivery d, List<Part> parts) {
    StringBuilder md = new StringBuilder();
    md.append("## Tollgate check of `")
        .append(DeliveryRuns.sha7(d.sha()))
        .append("`\n\n")
        .append("Pull request #")
        .append(d.pullRequest())
        .append(": each affected spec trained on its pull_request.max_rows rows and validated")
        .append(" against Production; nothing is deployed or promoted.\n\n");
    for (Part p : parts) {
      md.append("### `").append(code(p.specPath())).append("`\n\n");
      if (p.problem() != null) {
        md.append("❌ The spec does not parse: ")
            .append(RunSummaryMarkdown.text(problemText(p.problem())))
            .append("\n\n");
      } else if (p.end().result() != null) {
        // the run's own heading one level down, under the spec's
        md.append(RunSummaryMarkdown.render(p.end().result()).replaceFirst("^## ", "#### "))
            .append('\n');
      } else {
        md.append("❌ ").append(RunSummaryMarkdown.text(p.end().description())).append("\n\n");
      }
    }
    return md.toString();
  }

  /** "training.algorithm: unknown algorithm 'x'", or the message alone for the file as a whole. */
  static String problemText(SpecProblem p) {
    return p.key() == null || p.key().isBlank() ? p.message() : p.key() + ": " + p.message();
  }

  private static String code(String s) {
    return s.replace('`', '\'').replaceAll("\\s+", " ");
  }
}
