package dev.tollgate.cli.common;

import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * What a failed TLS handshake with the Temporal server means, in a sentence: the server's
 * certificate is not trusted, the server refused ours, or one side speaks TLS and the other not.
 */
final class Tls {
  private Tls() {}

  /** True when a TLS handshake failure is somewhere in {@code e}'s causes. */
  static boolean failed(Throwable e) {
    return deepest(e) != null;
  }

  static CliFailure failure(Throwable thrown, String server) {
    Throwable tls = deepest(thrown);
    String said = plain(tls.getMessage());
    String lower = said.toLowerCase(Locale.ROOT);
    String what;
    if (tls instanceof CertificateException
        || lower.contains("pkix")
        || lower.contains("unable to find valid certification")
        || lower.contains("certification path")
        || lower.contains("no subject alternative")
        || lower.contains("no name matching")) {
      what =
          "the TLS certificate of "
              + server
              + " is not one this client trusts ("
              + said
              + "). Pass the CA that signed it with --tls-ca FILE (or TEMPORAL_TLS_CA), and use"
              + " the name the certificate was issued for in --address.";
    } else if (lower.contains("bad_certificate")
        || lower.contains("certificate_required")
        || lower.contains("unknown_ca")
        || lower.contains("certificate_unknown")) {
      what =
          server
              + " refused this client's certificate in the TLS handshake ("
              + said
              + "). Check --tls-cert and --tls-key (TEMPORAL_TLS_CERT, TEMPORAL_TLS_KEY): the"
              + " server must trust the CA that signed the certificate.";
    } else {
      what =
          "the TLS handshake with "
              + server
              + " failed ("
              + said
              + "). This client speaks TLS (--tls-cert, --tls-ca or an API key turn it on): does"
              + " the server? A local `temporal server start-dev` or `tollgate worker` speaks"
              + " plain gRPC; drop those settings for it.";
    }
    return new CliFailure(ExitCodes.UNREACHABLE, what, thrown);
  }

  /** The innermost TLS failure in the chain: the one that says what went wrong. */
  private static Throwable deepest(Throwable e) {
    Throwable found = null;
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SSLException
          || c instanceof CertificateException
          || c.getClass().getSimpleName().equals("NotSslRecordException")) {
        found = c;
      }
      if (c == c.getCause()) break;
    }
    return found;
  }

  /** The message without the Java class names some TLS errors put in front of it. */
  static String plain(String message) {
    if (message == null || message.isBlank()) return "no reason given";
    if (message.startsWith("not an SSL/TLS record")) return "its answer is not TLS"; // + a hex dump
    String plain =
        message
            .replaceAll("([a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(Exception|Error): ?", "")
            .strip();
    return plain.length() <= 200 ? plain : plain.substring(0, 200) + "…";
  }
}
