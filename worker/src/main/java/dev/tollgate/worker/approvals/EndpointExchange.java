package dev.tollgate.worker.approvals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Map;

/**
 * What every route of the mTLS approval endpoint does alike: the approver named by the verified
 * client certificate, a body read up to a bound (413 past it, unread when its length says so), and
 * JSON answers. One place, so {@code /decisions} and {@code /actions/seal} refuse the same way.
 */
final class EndpointExchange {
  /** A decision or an action request is a few hundred bytes: 16 KB is generous. */
  static final int MAX_BODY_BYTES = 16 * 1024;

  static final ObjectMapper JSON =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(8)
                      .maxNumberLength(100)
                      .maxNameLength(256)
                      .build())
              .build());

  private EndpointExchange() {}

  /** The approver's name from the leaf certificate the handshake verified. */
  static String approver(HttpServletRequest request) throws CertificateNames.NoApprover {
    Object chain = request.getAttribute("jakarta.servlet.request.X509Certificate");
    if (chain instanceof X509Certificate[] certificates && certificates.length > 0) {
      return CertificateNames.approver(certificates[0]);
    }
    throw new CertificateNames.NoApprover("no client certificate");
  }

  /** The body, or {@code null} after answering 413 when it is over {@link #MAX_BODY_BYTES}. */
  static byte[] body(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      answer(response, 413, tooLarge());
      return null;
    }
    byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      answer(response, 413, tooLarge());
      return null;
    }
    return bytes;
  }

  static void answer(HttpServletResponse response, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  private static Map<String, String> tooLarge() {
    return Map.of("error", "a request is at most " + MAX_BODY_BYTES + " bytes");
  }
}
