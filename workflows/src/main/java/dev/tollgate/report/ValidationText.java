package dev.tollgate.report;

import dev.tollgate.spec.MetricDirection;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.IdenticalModel;
import dev.tollgate.stages.ValidationVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The validation verdict as a boxed text summary, 80 columns wide: the verdict on top, one line per
 * check (✓ passed, ✗ failed, – skipped) with its value and threshold, the reason under every failed
 * or skipped check, then the metrics with their change against the Production model on the same
 * holdout, and where the full reports are. A pure function of its arguments (sorted, locale-free),
 * so a workflow may render it as well as the CLI.
 */
public final class ValidationText {
  /** Columns inside the box, between "│ " and " │". */
  static final int INNER = 76;

  private static final int NAME = 22;
  private static final int VALUE = 11;
  private static final int MESSAGE_LINES = 3;

  private ValidationText() {}

  /**
   * @param subject what was validated, e.g. "energy-load v3"
   * @param metrics the candidate's holdout metrics ({@code null} or empty: none shown)
   */
  public static String render(
      String subject, ValidationVerdict verdict, Map<String, Double> metrics) {
    return render(subject, verdict, metrics, verdict.baselineMetrics());
  }

  /**
   * @param baseline the Production model's metrics on the same holdout, or {@code null}
   */
  public static String render(
      String subject,
      ValidationVerdict verdict,
      Map<String, Double> metrics,
      Map<String, Double> baseline) {
    Box box = new Box();
    box.top("Validation of " + subject);
    box.row((verdict.passed() ? "✓ PASSED" : "✗ FAILED") + "   " + counts(verdict.checks()));
    IdenticalModel.production(verdict)
        .ifPresent(
            v ->
                wrap(
                        "≡ identical to "
                            + v
                            + " in Production (same bytes): deploying changes"
                            + " nothing",
                        INNER,
                        2)
                    .forEach(box::row));
    box.rule();
    if (verdict.checks().isEmpty()) {
      box.row("no checks enabled");
    } else {
      box.row(columns(" ", "check", "value", "threshold"));
      for (CheckResult c : verdict.checks()) {
        box.row(
            columns(
                mark(c.status()),
                c.name(),
                c.value() == null ? "–" : value(c.value()),
                c.threshold() == null ? "" : c.threshold()));
        if (c.status() != CheckResult.Status.PASS && c.message() != null) {
          for (String line : wrap(c.message(), INNER - 4, MESSAGE_LINES)) box.row("    " + line);
        }
      }
    }
    if (metrics != null && !metrics.isEmpty()) {
      box.rule();
      boolean compared = baseline != null && !baseline.isEmpty();
      box.row(compared ? "metrics   candidate vs Production, same holdout" : "metrics");
      for (var m : new TreeMap<>(metrics).entrySet()) {
        Double b = compared ? baseline.get(m.getKey()) : null;
        box.row("  " + pad(m.getKey(), 10) + " " + versus(m.getKey(), m.getValue(), b));
      }
    }
    box.bottom();
    StringBuilder out = box.text();
    if (verdict.reportUri() != null) out.append("  JSON report  ").append(verdict.reportUri());
    if (verdict.reportUri() != null) out.append('\n');
    if (verdict.htmlReportUri() != null) {
      out.append("  HTML report  ").append(verdict.htmlReportUri()).append('\n');
    }
    return out.toString();
  }

  /** "25.9 vs 27.1 (−4.4 %, better)"; just the value when there is nothing to compare with. */
  public static String versus(String metric, double candidate, Double baseline) {
    String c = value(candidate);
    if (baseline == null) return c;
    String s = c + " vs " + value(baseline);
    if (baseline == 0 || Double.isNaN(baseline) || Double.isNaN(candidate)) return s;
    double change = (candidate - baseline) / Math.abs(baseline);
    String pct = String.format(Locale.ROOT, "%.1f", Math.abs(100 * change));
    if (pct.equals("0.0")) return s + " (±0.0 %)";
    boolean better = MetricDirection.better(metric, candidate, baseline);
    return s + " (" + (change > 0 ? "+" : "−") + pct + " %, " + (better ? "better" : "worse") + ")";
  }

  /**
   * A check's value to three significant digits, so that 0.052 against "≤ 0.05" reads as over
   * (plain for values of 1000 and more, scientific below 0.0001).
   */
  public static String value(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
    double abs = Math.abs(v);
    if (abs >= 1000) return String.format(Locale.ROOT, "%.0f", v);
    if (abs != 0 && abs < 1e-4) return String.format(Locale.ROOT, "%.2e", v);
    String s = String.format(Locale.ROOT, "%.3g", v);
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  /** "7 checks: 5 passed, 1 failed, 1 skipped". */
  public static String counts(List<CheckResult> checks) {
    long pass = checks.stream().filter(c -> c.status() == CheckResult.Status.PASS).count();
    long fail = checks.stream().filter(c -> c.status() == CheckResult.Status.FAIL).count();
    long skip = checks.size() - pass - fail;
    return checks.size()
        + (checks.size() == 1 ? " check: " : " checks: ")
        + pass
        + " passed, "
        + fail
        + " failed, "
        + skip
        + " skipped";
  }

  public static String mark(CheckResult.Status status) {
    return switch (status) {
      case PASS -> "✓";
      case FAIL -> "✗";
      case SKIPPED -> "–";
    };
  }

  private static String columns(String mark, String name, String value, String threshold) {
    return mark
        + " "
        + pad(cut(name, NAME - 1), NAME)
        + pad(cut(value, VALUE - 1), VALUE)
        + cut(threshold, INNER - 2 - NAME - VALUE);
  }

  /** Word-wrapped to {@code width}, at most {@code max} lines (the last ends in … when cut). */
  static List<String> wrap(String text, int width, int max) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) line.append(' ');
      line.append(word);
    }
    if (line.length() > 0) lines.add(line.toString());
    if (lines.size() > max) {
      lines = new ArrayList<>(lines.subList(0, max));
      lines.set(max - 1, cut(lines.get(max - 1) + " …", width));
    }
    List<String> fitted = new ArrayList<>();
    for (String l : lines) fitted.add(cut(l, width));
    return fitted;
  }

  static String cut(String s, int width) {
    int n = s.codePointCount(0, s.length());
    if (n <= width) return s;
    return s.substring(0, s.offsetByCodePoints(0, width - 1)) + "…";
  }

  static String pad(String s, int width) {
    int n = s.codePointCount(0, s.length());
    return n >= width ? s : s + " ".repeat(width - n);
  }

  /** The frame: rounded corners, rules between sections, every row padded to the same width. */
  private static final class Box {
    private final StringBuilder out = new StringBuilder();

    void top(String title) {
      String t = "─ " + cut(title, INNER - 2) + " ";
      out.append('╭').append(t).append("─".repeat(INNER + 2 - length(t))).append("╮\n");
    }

    void row(String text) {
      out.append("│ ").append(pad(cut(text, INNER), INNER)).append(" │\n");
    }

    void rule() {
      out.append('├').append("─".repeat(INNER + 2)).append("┤\n");
    }

    void bottom() {
      out.append('╰').append("─".repeat(INNER + 2)).append("╯\n");
    }

    StringBuilder text() {
      return out;
    }

    private static int length(String s) {
      return s.codePointCount(0, s.length());
    }
  }
}
