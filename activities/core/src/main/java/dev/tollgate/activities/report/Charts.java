package dev.tollgate.activities.report;

import static dev.tollgate.activities.report.Html.esc;
import static dev.tollgate.activities.report.Html.xy;

/** The frame every chart shares: an SVG with a title, axes with ticks and labels, a legend. */
final class Charts {
  static final String REFERENCE = "#4c78a8";
  static final String CURRENT = "#f58518";
  static final int LEFT = 56;
  static final int RIGHT = 24;
  static final int TOP = 30;
  static final int BOTTOM = 42;

  private Charts() {}

  static StringBuilder open(int width, int height, String title) {
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" role=\"img\"><title>")
        .append(esc(title))
        .append("</title>");
    svg.append("<text x=\"")
        .append(LEFT)
        .append("\" y=\"18\" class=\"ct\">")
        .append(esc(title))
        .append("</text>");
    return svg;
  }

  /** Ticks, grid lines and labels of both axes, and the axis titles. */
  static void axes(StringBuilder svg, Scale x, Scale y, String xLabel, String yLabel) {
    double bottom = y.from();
    double top = y.to();
    for (double t : y.ticks()) {
      double py = y.px(t);
      line(svg, x.from(), py, x.to(), py, "grid");
      text(svg, x.from() - 6, py + 4, Html.tick(t), "end", "tk");
    }
    for (double t : x.ticks()) {
      double px = x.px(t);
      line(svg, px, bottom, px, bottom + 4, "axis");
      text(svg, px, bottom + 16, Html.tick(t), "middle", "tk");
    }
    line(svg, x.from(), bottom, x.to(), bottom, "axis");
    line(svg, x.from(), bottom, x.from(), top, "axis");
    text(svg, (x.from() + x.to()) / 2, bottom + 34, xLabel, "middle", "al");
    svg.append("<text class=\"al\" text-anchor=\"middle\" transform=\"translate(14,")
        .append(xy((top + bottom) / 2))
        .append(") rotate(-90)\">")
        .append(esc(yLabel))
        .append("</text>");
  }

  /** A legend entry (a swatch and its label) at the top right. */
  static void legend(StringBuilder svg, double x, double y, String color, String label) {
    svg.append("<rect x=\"")
        .append(xy(x))
        .append("\" y=\"")
        .append(xy(y - 9))
        .append("\" width=\"10\" height=\"10\" fill=\"")
        .append(color)
        .append("\"/>");
    text(svg, x + 14, y, label, "start", "tk");
  }

  static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String cls) {
    svg.append("<line class=\"")
        .append(cls)
        .append("\" x1=\"")
        .append(xy(x1))
        .append("\" y1=\"")
        .append(xy(y1))
        .append("\" x2=\"")
        .append(xy(x2))
        .append("\" y2=\"")
        .append(xy(y2))
        .append("\"/>");
  }

  static void text(StringBuilder svg, double x, double y, String s, String anchor, String cls) {
    svg.append("<text class=\"")
        .append(cls)
        .append("\" x=\"")
        .append(xy(x))
        .append("\" y=\"")
        .append(xy(y))
        .append("\" text-anchor=\"")
        .append(anchor)
        .append("\">")
        .append(esc(s))
        .append("</text>");
  }

  static String close(StringBuilder svg) {
    return svg.append("</svg>").toString();
  }
}
