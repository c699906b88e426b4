package dev.tollgate.activities.report;

import java.math.BigDecimal;
import java.math.MathContext;
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

  /** An axis tick: short, with k / M / G for thousands and up ("2M", "1.5k"). */
  static String tick(double v) {
    double abs = Math.abs(v);
    if (abs >= 1e9) return num(v / 1e9) + "G";
    if (abs >= 1e6) return num(v / 1e6) + "M";
    if (abs >= 1e4) return num(v / 1e3) + "k";
    return num(v);
  }

  /** A value for labels: four significant digits, plain notation from 0.0001 up to a million. */
  static String num(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
    if (v == 0) return "0";
    double abs = Math.abs(v);
    if (abs >= 1e6 || abs < 1e-4) return String.format(Locale.ROOT, "%.3g", v);
    return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
