package dev.tollgate.worker.approvals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.worker.web.BoundedBody;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Map;

/**
 * What every route of the mTLS approval endpoint does alike before its own work ({@link #admit}):
 * POST only, the approver named by the verified client certificate, an approval key to seal with, a
 * body read up to a bound (413 past it, unread when its length says so); and JSON answers. One
 * place, so {@code /decisions} and {@code /actions/seal} refuse the same way.
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

  /** A request that passed the checks every route makes: who sent it, and its bytes. */
  record Admitted(String approver, byte[] body) {}

  private EndpointExchange() {}

  /**
   * The approver and body of a request every route may act on, or {@code null} after answering the
   * refusal: 405 for another method ({@code usage} says what to POST where), 403 for a certificate
   * that names no single approver, 503 without an approval key, 413 for a body over {@link
   * #MAX_BODY_BYTES}. The checks that need no body come first, so a refused request is never read.
   */
  static Admitted admit(
      HttpServletRequest request, HttpServletResponse response, ApprovalKey key, String usage)
      throws IOException {
    if (!request.getMethod().equals("POST")) {
      answer(response, 405, Map.of("error", usage));
      return null;
    }
    String cn;
    try {
      cn = approver(request);
    } catch (CertificateNames.NoApprover e) {
      answer(response, 403, Map.of("error", e.getMessage()));
      return null;
    }
    if (!key.present()) {
      answer(
          response,
          503,
          Map.of("error", "this worker has no approval key (TOLLGATE_APPROVAL_KEY)"));
      return null;
    }
    byte[] bytes = body(request, response);
    return bytes == null ? null : new Admitted(cn, bytes);
  }

  /** The approver's name from the leaf certificate the handshake verified. */
  private static String approver(HttpServletRequest request) throws CertificateNames.NoApprover {
    Object chain = request.getAttribute("jakarta.servlet.request.X509Certificate");
    if (chain instanceof X509Certificate[] certificates && certificates.length > 0) {
      return CertificateNames.approver(certificates[0]);
    }
    throw new CertificateNames.NoApprover("no client certificate");
  }

  /** The body, or {@code null} after answering 413 when it is over {@link #MAX_BODY_BYTES}. */
  private static byte[] body(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      return BoundedBody.read(request, MAX_BODY_BYTES);
    } catch (BoundedBody.TooLarge e) {
      answer(response, 413, Map.of("error", "a request is at most " + MAX_BODY_BYTES + " bytes"));
      return null;
    }
  }

  static void answer(HttpServletResponse response, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
