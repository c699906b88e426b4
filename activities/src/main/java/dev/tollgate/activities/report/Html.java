package dev.tollgate.activities.report;

import java.util.Locale;

/** Escaping and number formatting for the HTML report: every text from data goes through here. */
final class Html {
  private Html() {}

  /** Text safe in element content and in double-quoted attributes. */
  static String esc(String s) {
    if (s == null) return "";
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A coordinate: two decimals, no locale. */
  static String xy(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /** A value for labels: up to four significant digits, trailing zeros dropped. */
  static String num(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
    if (v == 0) return "0";
    double abs = Math.abs(v);
    if (abs >= 1e6 || abs < 1e-3) return String.format(Locale.ROOT, "%.3g", v);
    String s = String.format(Locale.ROOT, "%.4g", v);
    if (s.contains(".") && !s.contains("e")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    return s;
  }
}
