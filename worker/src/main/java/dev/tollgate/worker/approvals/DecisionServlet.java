package dev.tollgate.worker.approvals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.pipeline.DecisionRecord;
import dev.tollgate.pipeline.DecisionRequest;
import dev.tollgate.pipeline.PipelineWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One decision through the mTLS endpoint: the approver named by the verified client certificate
 * ({@link CertificateNames}), sealed with the approval key ({@code update/mtls} in the audit
 * trail), sent through the run's {@code decide} Update; the validator's answer goes back.
 *
 * <p>Body: {@code {"workflow_id": "pipeline/<model>/<run>", "approve": true, "comment": "..."}}, at
 * most {@link #MAX_BODY_BYTES} bytes. Answers 200 with the recorded decision, 409 with the refusal,
 * 404 for no such run, 400 for a bad body, 413 for a larger one (unread), 403 for a certificate
 * that names no single CN, 503 without an approval key.
 */
final class DecisionServlet extends HttpServlet {
  private static final Logger log = LoggerFactory.getLogger(DecisionServlet.class);

  /** A decision is a run id, a boolean and a comment: 16 KB is generous. */
  static final int MAX_BODY_BYTES = 16 * 1024;

  private static final ObjectMapper JSON =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(8)
                      .maxNumberLength(100)
                      .maxNameLength(256)
                      .build())
              .build());

  private final transient WorkflowClient temporal;
  private final transient ApprovalKey key;

  DecisionServlet(WorkflowClient temporal, ApprovalKey key) {
    this.temporal = temporal;
    this.key = key;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      handle(request, response);
    } catch (RuntimeException e) {
      log.warn("approval endpoint: a decision failed: {}", e.toString());
      answer(response, 500, Map.of("error", "the decision could not be sent to the run"));
    }
  }

  private void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!request.getMethod().equals("POST")) {
      answer(response, 405, Map.of("error", "POST a decision to /decisions"));
      return;
    }
    String cn;
    try {
      cn = CertificateNames.approver(clientCertificate(request));
    } catch (CertificateNames.NoApprover e) {
      answer(response, 403, Map.of("error", e.getMessage()));
      return;
    }
    if (!key.present()) {
      answer(
          response,
          503,
          Map.of("error", "this worker has no approval key (TOLLGATE_APPROVAL_KEY)"));
      return;
    }
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      answer(response, 413, tooLarge());
      return;
    }
    byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      answer(response, 413, tooLarge());
      return;
    }
    JsonNode body;
    try {
      body = JSON.readTree(bytes);
    } catch (IOException e) {
      answer(response, 400, Map.of("error", "the body is not JSON"));
      return;
    }
    String workflowId = body == null ? "" : body.path("workflow_id").asText("");
    if (workflowId.isBlank() || !body.path("approve").isBoolean()) {
      answer(
          response,
          400,
          Map.of("error", "expected {\"workflow_id\": \"...\", \"approve\": true|false}"));
      return;
    }
    String comment = body.hasNonNull("comment") ? body.get("comment").asText() : null;
    decide(response, cn, workflowId, body.path("approve").asBoolean(), comment);
  }

  private void decide(
      HttpServletResponse response, String cn, String workflowId, boolean approve, String comment)
      throws IOException {
    DecisionRequest vouched = key.seal().vouch(workflowId, approve, cn, comment, "mtls");
    try {
      DecisionRecord recorded =
          temporal.newWorkflowStub(PipelineWorkflow.class, workflowId).decide(vouched);
      log.info("{} {} {} (mTLS)", cn, approve ? "approved" : "rejected", workflowId);
      answer(response, 200, recorded);
    } catch (WorkflowNotFoundException e) {
      answer(response, 404, Map.of("error", "no running pipeline " + workflowId));
    } catch (WorkflowException e) {
      String why = UpdateRefusal.of(e);
      log.info("{} refused for {} (mTLS): {}", workflowId, cn, why);
      answer(response, 409, Map.of("error", "refused by " + workflowId + ": " + why));
    }
  }

  /** The leaf of the chain the handshake verified (the connector requires one). */
  private static X509Certificate clientCertificate(HttpServletRequest request)
      throws CertificateNames.NoApprover {
    Object chain = request.getAttribute("jakarta.servlet.request.X509Certificate");
    if (chain instanceof X509Certificate[] certificates && certificates.length > 0) {
      return certificates[0];
    }
    throw new CertificateNames.NoApprover("no client certificate");
  }

  private static Map<String, String> tooLarge() {
    return Map.of("error", "a decision is at most " + MAX_BODY_BYTES + " bytes");
  }

  private static void answer(HttpServletResponse response, int status, Object body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
