package dev.tollgate.worker.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.tollgate.adapters.slack.FakeSlack;
import dev.tollgate.pipeline.PipelineWorkflow;
import io.temporal.client.WorkflowClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An unexpected failure behind a click (here: the Temporal client throws, naming an internal host)
 * reaches the Slack user as a short reference, never as the exception's text (issue 21, item 10);
 * the worker's log has the exception under the same reference.
 */
class SlackFailureTextTest {
  private static final String SECRET = "failure-text-signing-secret";

  @Test
  void theUserReadsAReferenceAndTheLogHasTheException() throws Exception {
    try (FakeSlack slack = new FakeSlack(Map.of());
        CapturedLog log = new CapturedLog()) {
      WorkflowClient temporal = mock(WorkflowClient.class);
      when(temporal.newWorkflowStub(eq(PipelineWorkflow.class), anyString()))
          .thenThrow(new IllegalStateException("UNAVAILABLE: temporal.internal:7233 refused"));
      MockMvc mvc = SlackEndpoints.mvc(SECRET, slack, temporal, null, SlackEndpoints.WORKER);

      SignedInteraction signed =
          SignedInteraction.of(
              SECRET,
              SignedInteraction.click("tollgate_approve", "pipeline/energy-load/r1", "U0ALICE"));
      int status =
          mvc.perform(
                  post("/slack/interactions")
                      .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                      .header("X-Slack-Request-Timestamp", signed.timestamp())
                      .header("X-Slack-Signature", signed.signature())
                      .content(signed.body()))
              .andReturn()
              .getResponse()
              .getStatus();

      assertThat(status).isEqualTo(200);
      String text = slack.calls("chat.postEphemeral").getFirst().field("text");
      assertThat(text)
          .matches(
              "Tollgate could not take the decision \\(error [0-9a-f]{8}\\); nothing was"
                  + " decided\\. The worker's log has the details\\.")
          .doesNotContain("temporal.internal");
      String ref = text.substring(text.indexOf("error ") + 6, text.indexOf(')'));
      assertThat(log.events())
          .filteredOn(e -> e.getFormattedMessage().contains("(error " + ref + ")"))
          .singleElement()
          .extracting(ILoggingEvent::getThrowableProxy)
          .isNotNull();
    }
  }
}
