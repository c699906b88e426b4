package dev.tollgate.pipeline;

import dev.tollgate.report.ValidationText;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.ValidationVerdict;
import java.util.Map;
import java.util.TreeMap;

/**
 * A finished run as GitHub-flavoured markdown, for a job's {@code $GITHUB_STEP_SUMMARY} ({@code
 * tollgate run --wait --summary-md FILE}) or a pull request comment: the outcome and model version,
 * the metrics against Production on the same holdout, the failed checks with their reasons, who
 * decided, why it failed, and the reports. A pure function of the result. Text from the run (check
 * messages, comments, causes) goes into table cells and lines with its markdown and HTML defused: a
 * message cannot add a link, an image or a table row.
 */
public final class RunSummaryMarkdown {
  private RunSummaryMarkdown() {}

  public static String render(PipelineResult result) {
    StringBuilder md = new StringBuilder();
    md.append("## ")
        .append(mark(result.outcome()))
        .append(' ')
        .append(text(result.model()))
        .append(result.modelVersion() == null ? "" : " v" + result.modelVersion())
        .append(": ")
        .append(result.outcome())
        .append("\n\n");
    md.append("Run `").append(code(result.runId())).append('`');
    if (result.previousProduction() != null) {
      md.append(" · Production before it: v").append(result.previousProduction());
    }
    md.append("\n\n");
    ValidationVerdict verdict = result.validation();
    metrics(md, result.metrics(), verdict == null ? null : verdict.baselineMetrics());
    if (verdict != null) checks(md, verdict);
    if (result.decision() != null) {
      var d = result.decision();
      md.append("Decided by ")
          .append(text(result.decidedBy()))
          .append(d.approve() ? ": approved" : ": rejected")
          .append(
              d.comment() == null || d.comment().isBlank() ? "" : " (" + text(d.comment()) + ")")
          .append("\n\n");
    }
    if (result.cancellation() != null) {
      md.append("Cancelled ").append(text(result.cancellation().describe())).append("\n\n");
    }
    if (result.failure() != null && !result.failure().isBlank()) {
      md.append("Cause: ").append(text(result.failure())).append("\n\n");
    }
    if (verdict != null && (verdict.htmlReportUri() != null || verdict.reportUri() != null)) {
      md.append("Reports:");
      if (verdict.htmlReportUri() != null)
        md.append(' ').append(link("HTML", verdict.htmlReportUri()));
      if (verdict.reportUri() != null) {
        md.append(verdict.htmlReportUri() != null ? " · " : " ")
            .append(link("JSON", verdict.reportUri()));
      }
      md.append('\n');
    }
    return md.toString();
  }

  private static void metrics(
      StringBuilder md, Map<String, Double> metrics, Map<String, Double> baseline) {
    if (metrics == null || metrics.isEmpty()) return;
    boolean compared = baseline != null && !baseline.isEmpty();
    md.append(
        compared
            ? "| metric | candidate vs Production (same holdout) |\n"
            : "| metric | value |\n");
    md.append("|---|---|\n");
    for (var m : new TreeMap<>(metrics).entrySet()) {
      Double b = compared ? baseline.get(m.getKey()) : null;
      md.append("| ")
          .append(text(m.getKey()))
          .append(" | ")
          .append(ValidationText.versus(m.getKey(), m.getValue(), b))
          .append(" |\n");
    }
    md.append('\n');
  }

  private static void checks(StringBuilder md, ValidationVerdict verdict) {
    md.append("Validation ")
        .append(verdict.passed() ? "passed" : "failed")
        .append(": ")
        .append(ValidationText.counts(verdict.checks()))
        .append("\n\n");
    if (verdict.failures().isEmpty()) return;
    md.append("| failed check | value | threshold | why |\n|---|---|---|---|\n");
    for (CheckResult c : verdict.failures()) {
      md.append("| ")
          .append(text(c.name()))
          .append(" | ")
          .append(c.value() == null ? "–" : ValidationText.value(c.value()))
          .append(" | ")
          .append(c.threshold() == null ? "" : text(c.threshold()))
          .append(" | ")
          .append(c.message() == null ? "" : text(c.message()))
          .append(" |\n");
    }
    md.append('\n');
  }

  private static String mark(Outcome outcome) {
    return switch (outcome) {
      case DEPLOYED, VALIDATED -> "✅";
      case REJECTED_BY_VALIDATION, FAILED -> "❌";
      case REJECTED_BY_APPROVER, APPROVAL_TIMED_OUT, ROLLED_BACK, CANCELLED -> "⛔";
    };
  }

  /** A clickable link for a web address; a storage URI (file:, s3://) as code to copy. */
  private static String link(String label, String uri) {
    if (uri.startsWith("https://") || uri.startsWith("http://")) {
      return "[" + label + " report](" + uri.replace(")", "%29").replace(" ", "%20") + ")";
    }
    return label + " report `" + code(uri) + "`";
  }

  /** One line of text with markdown and HTML characters escaped. */
  public static String text(String s) {
    if (s == null) return "";
    StringBuilder out = new StringBuilder(s.length());
    for (char ch : s.replaceAll("\\s+", " ").strip().toCharArray()) {
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\\', '`', '*', '_', '[', ']', '!', '|', '#', '~' -> out.append('\\').append(ch);
        default -> {
          if (!Character.isISOControl(ch)) out.append(ch);
        }
      }
    }
    return out.toString();
  }

  /** Text inside backticks: no backtick can close it early, no line break. */
  private static String code(String s) {
    return s == null ? "" : s.replace('`', '\'').replaceAll("\\s+", " ");
  }
}
