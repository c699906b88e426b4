package dev.tollgate.worker.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.tollgate.pipeline.DecisionRecord;
import dev.tollgate.pipeline.DecisionRequest;
import dev.tollgate.pipeline.DecisionSeal;
import dev.tollgate.pipeline.PipelineStatus;
import dev.tollgate.pipeline.PipelineWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /decisions} over HTTPS with a required client certificate: the approver is the
 * certificate's CN, as the TLS handshake proved, not a name the caller typed. The worker seals the
 * decision with the approval key ({@code update/mtls} in the audit trail) and sends it through the
 * run's {@code decide} Update; the validator's answer goes back to the caller. This is what {@code
 * approval.require_identity} accepts besides Slack (the Temporal server does not tell a workflow
 * who sent an Update; docs/security.md).
 *
 * <p>Body: {@code {"workflow_id": "pipeline/<model>/<run>", "approve": true, "comment": "..."}}.
 * Answers 200 with the recorded decision, 409 with the refusal, 404 for no such run, 400 for a bad
 * body, 503 without an approval key; a client without a certificate from the trusted authorities
 * does not get past the handshake.
 */
public final class MtlsApprovalEndpoint implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MtlsApprovalEndpoint.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpsServer server;
  private final ExecutorService threads;
  private final WorkflowClient temporal;
  private final ApprovalKey key;

  private MtlsApprovalEndpoint(
      HttpsServer server, ExecutorService threads, WorkflowClient temporal, ApprovalKey key) {
    this.server = server;
    this.threads = threads;
    this.temporal = temporal;
    this.key = key;
  }

  /** Starts listening; {@code settings.port()} 0 takes a free port ({@link #port}). */
  public static MtlsApprovalEndpoint start(
      MtlsSettings settings, WorkflowClient temporal, ApprovalKey key) throws IOException {
    SSLContext tls = settings.sslContext();
    HttpsServer server = HttpsServer.create(new InetSocketAddress(settings.port()), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(tls) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters p = tls.getDefaultSSLParameters();
            p.setNeedClientAuth(true); // no certificate, no handshake
            params.setSSLParameters(p);
          }
        });
    ExecutorService threads = Executors.newFixedThreadPool(2);
    server.setExecutor(threads);
    MtlsApprovalEndpoint endpoint = new MtlsApprovalEndpoint(server, threads, temporal, key);
    server.createContext("/decisions", endpoint::handle);
    server.createContext(
        "/actions/seal", exchange -> ActionSealHandler.handle(exchange, key, JSON));
    server.start();
    log.info(
        "approval endpoint: https://0.0.0.0:{}/decisions, approvers named by their client"
            + " certificates{}",
        endpoint.port(),
        key.present() ? "" : " (no approval key: every decision is refused)");
    return endpoint;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        answer(exchange, 405, Map.of("error", "POST a decision to /decisions"));
        return;
      }
      String cn = commonName((HttpsExchange) exchange);
      if (cn == null) {
        answer(exchange, 403, Map.of("error", "the client certificate names no CN"));
        return;
      }
      if (!key.present()) {
        answer(
            exchange,
            503,
            Map.of("error", "this worker has no approval key (TOLLGATE_APPROVAL_KEY)"));
        return;
      }
      JsonNode body;
      try {
        body = JSON.readTree(exchange.getRequestBody());
      } catch (IOException e) {
        answer(exchange, 400, Map.of("error", "the body is not JSON: " + e.getMessage()));
        return;
      }
      String workflowId = body == null ? "" : body.path("workflow_id").asText("");
      if (workflowId.isBlank() || !body.path("approve").isBoolean()) {
        answer(
            exchange,
            400,
            Map.of("error", "expected {\"workflow_id\": \"...\", \"approve\": true|false}"));
        return;
      }
      boolean approve = body.path("approve").asBoolean();
      String comment = body.hasNonNull("comment") ? body.get("comment").asText() : null;
      decide(exchange, cn, workflowId, approve, comment);
    }
  }

  private void decide(
      HttpExchange exchange, String cn, String workflowId, boolean approve, String comment)
      throws IOException {
    try {
      PipelineWorkflow run = temporal.newWorkflowStub(PipelineWorkflow.class, workflowId);
      // The seal binds what the run waits on now: this execution, this candidate (issue 21).
      PipelineStatus status = run.status();
      if (status == null || status.approval() == null || status.approval().subject() == null) {
        answer(exchange, 409, Map.of("error", "no decision is awaited on " + workflowId));
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
      answer(exchange, 200, recorded);
    } catch (WorkflowNotFoundException e) {
      answer(exchange, 404, Map.of("error", "no running pipeline " + workflowId));
    } catch (WorkflowException e) {
      String why = UpdateRefusal.of(e);
      log.info("{} refused for {} (mTLS): {}", workflowId, cn, why);
      answer(exchange, 409, Map.of("error", "refused by " + workflowId + ": " + why));
    }
  }

  /** The CN of the client certificate the handshake verified, or {@code null}. */
  public static String commonName(HttpsExchange exchange) {
    try {
      Certificate[] chain = exchange.getSSLSession().getPeerCertificates();
      if (chain.length == 0 || !(chain[0] instanceof X509Certificate x509)) return null;
      LdapName subject = new LdapName(x509.getSubjectX500Principal().getName());
      for (Rdn rdn : subject.getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) return rdn.getValue().toString();
      }
      return null;
    } catch (SSLPeerUnverifiedException | InvalidNameException e) {
      return null;
    }
  }

  private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
