package dev.tollgate.adapters.slack;

/**
 * Slack's markup for text that comes from a run (model names, comments, check names): only {@code
 * &}, {@code <} and {@code >} are control characters, and unescaped they could forge a link or a
 * {@code <!channel>} ping.
 */
final class Mrkdwn {
  private Mrkdwn() {}

  static String escape(String s) {
    if (s == null) return "";
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String bold(String s) {
    return "*" + escape(s) + "*";
  }

  static String code(String s) {
    return "`" + escape(s).replace("`", "'") + "`";
  }

  /** {@code <url|label>}; the URL's own {@code |} and {@code >} would end it early. */
  static String link(String url, String label) {
    return "<" + url.replace("|", "%7C").replace(">", "%3E") + "|" + escape(label) + ">";
  }

  /** Each line of {@code s} quoted (a reason, a comment). */
  static String quote(String s) {
    return "> " + escape(s).replace("\n", "\n> ");
  }

  static String mention(String userId) {
    return "<@" + userId + ">";
  }
}
