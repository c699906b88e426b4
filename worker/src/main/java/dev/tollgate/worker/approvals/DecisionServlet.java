package dev.tollgate.worker.approvals;

import static dev.tollgate.worker.approvals.EndpointExchange.answer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.pipeline.DecisionRecord;
import dev.tollgate.pipeline.DecisionRequest;
import dev.tollgate.pipeline.DecisionSeal;
import dev.tollgate.pipeline.PipelineStatus;
import dev.tollgate.pipeline.PipelineWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One decision through the mTLS endpoint: the approver named by the verified client certificate
 * ({@link CertificateNames}), sealed with the approval key ({@code update/mtls} in the audit trail)
 * for what the run waits on now (this execution, this candidate's version and digest, an expiry),
 * sent through the run's {@code decide} Update; the validator's answer goes back.
 *
 * <p>Body: {@code {"workflow_id": "pipeline/<model>/<run>", "approve": true, "comment": "..."}}, at
 * most {@link EndpointExchange#MAX_BODY_BYTES} bytes. Answers 200 with the recorded decision, 409
 * with the refusal or when no decision is awaited, 404 for no such run, 400 for a bad body, 413 for
 * a larger one (unread), 403 for a certificate that names no single CN, 503 without an approval
 * key.
 */
final class DecisionServlet extends HttpServlet {
  private static final Logger log = LoggerFactory.getLogger(DecisionServlet.class);

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
    EndpointExchange.Admitted admitted =
        EndpointExchange.admit(request, response, key, "POST a decision to /decisions");
    if (admitted == null) return;
    JsonNode body;
    try {
      body = EndpointExchange.JSON.readTree(admitted.body());
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
    decide(response, admitted.approver(), workflowId, body.path("approve").asBoolean(), comment);
  }

  private void decide(
      HttpServletResponse response, String cn, String workflowId, boolean approve, String comment)
      throws IOException {
    try {
      PipelineWorkflow run = temporal.newWorkflowStub(PipelineWorkflow.class, workflowId);
      // The seal binds what the run waits on now: this execution, this candidate (issue 21).
      PipelineStatus status = run.status();
      if (status == null || status.approval() == null || status.approval().subject() == null) {
        answer(response, 409, Map.of("error", "no decision is awaited on " + workflowId));
        return;
      }
      DecisionRequest vouched =
          key.seal()
              .vouch(
                  status.approval().subject(),
                  approve,
                  cn,
                  comment,
                  "mtls",
                  System.currentTimeMillis() + DecisionSeal.VALIDITY.toMillis());
      DecisionRecord recorded = run.decide(vouched);
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
}
