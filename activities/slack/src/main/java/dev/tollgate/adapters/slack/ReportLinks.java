package dev.tollgate.adapters.slack;

import java.util.ArrayList;
import java.util.List;

/**
 * Links to a run's reports that people can open. A report's own URI ({@code file:} on the worker,
 * {@code s3://}) means nothing in a browser elsewhere, so with a base URL (the worker's {@code
 * /reports/}) the part after the artifact store's {@code reports/} is appended to it: {@code
 * .../reports/energy/v3/validation.html} becomes {@code <base>energy/v3/validation.html}.
 */
final class ReportLinks {
  private static final String REPORTS = "reports/";

  private final String baseUrl;

  ReportLinks(String baseUrl) {
    this.baseUrl = baseUrl == null || baseUrl.isBlank() ? "" : withSlash(baseUrl.trim());
  }

  /** "<html|HTML report> · <json|JSON report>" for the reports there are; "" when none is. */
  String line(String html, String json) {
    List<String> links = new ArrayList<>();
    if (html != null && !html.isBlank()) links.add(Mrkdwn.link(url(html), "HTML report"));
    if (json != null && !json.isBlank()) links.add(Mrkdwn.link(url(json), "JSON report"));
    return String.join(" · ", links);
  }

  String url(String reportUri) {
    if (baseUrl.isEmpty()) return reportUri;
    int at = reportUri.lastIndexOf("/" + REPORTS);
    if (at >= 0) return baseUrl + reportUri.substring(at + 1 + REPORTS.length());
    if (reportUri.startsWith(REPORTS)) return baseUrl + reportUri.substring(REPORTS.length());
    return reportUri;
  }

  private static String withSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }
}
