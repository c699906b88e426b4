package dev.tollgate.worker.approvals;

import dev.tollgate.pipeline.DecisionRecord;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The caller's side of {@code POST /decisions} ({@link DecisionServlet}): sends a decision with the
 * person's client certificate ({@code tollgate approve --via URL --identity you.p12}).
 */
public final class MtlsDecisionClient {
  /** The endpoint's answer: the decision as recorded (200), or its error and status. */
  public record Answer(int status, DecisionRecord recorded, String error) {}

  private MtlsDecisionClient() {}

  /**
   * @throws IllegalArgumentException when the identity file cannot be read (naming it)
   * @throws IOException when the endpoint cannot be reached or refuses the handshake
   */
  public static Answer send(
      URI endpoint,
      Path identity,
      char[] password,
      String workflowId,
      boolean approve,
      String comment)
      throws IOException, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("workflow_id", workflowId);
    body.put("approve", approve);
    if (comment != null) body.put("comment", comment);
    MtlsPost.Reply reply = MtlsPost.send(endpoint, "/decisions", identity, password, body);
    if (reply.body() == null) {
      return new Answer(reply.status(), null, "not a Tollgate approval endpoint");
    }
    if (reply.status() == 200) {
      return new Answer(200, MtlsPost.JSON.treeToValue(reply.body(), DecisionRecord.class), null);
    }
    return new Answer(reply.status(), null, reply.error());
  }
}
