package dev.tollgate.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.notify.SampleEvents;
import dev.tollgate.stages.ApprovalRequested;
import dev.tollgate.stages.PipelineEvent;
import dev.tollgate.stages.RunStarted;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The Block Kit JSON of every event's message, against its golden file. */
class SlackMessagesGoldenTest {
  private final SlackMessages messages = new SlackMessages("https://tollgate.example.com/reports");

  @TestFactory
  Stream<DynamicTest> eachEventMatchesItsGoldenFile() {
    return SampleEvents.all().entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () ->
                        Golden.assertMatches(
                            e.getKey(), Golden.json(messages.render(e.getValue(), true)))));
  }

  @Test
  void approvalThroughAWebhookHasNoButtons() throws Exception {
    SlackMessage m = messages.render(SampleEvents.approvalRequested(), false);
    String json = Golden.json(m);
    Golden.assertMatches("approval_requested_webhook", json);
    assertThat(json).doesNotContain("tollgate_approve").contains("tollgate approve");
  }

  @Test
  void approvalButtonsCarryTheWorkflowIdAndTheCliCommandIsTheRealOne() {
    String json = Golden.json(messages.render(SampleEvents.approvalRequested(), true));
    assertThat(json)
        .contains("\"action_id\": \"tollgate_approve\"")
        .contains("\"action_id\": \"tollgate_reject\"")
        .contains("\"value\": \"" + SampleEvents.WORKFLOW + "\"")
        .contains("tollgate approve " + SampleEvents.WORKFLOW + " --by &lt;you&gt;")
        .contains(
            "<https://tollgate.example.com/reports/energy-load/v3/validation.html|HTML report>")
        .contains("<@U0ALICE> (alice), bob");
  }

  @Test
  void textFromARunCannotPingTheChannel() {
    PipelineEvent e =
        new RunStarted(
            SampleEvents.header("started <!channel>"),
            "manual",
            "<!here>",
            "<@U999> & <https://evil|x>");
    String json = Golden.json(messages.render(e, true));
    assertThat(json).doesNotContain("<!channel>", "<!here>", "<@U999>", "<https://evil");
  }

  @Test
  void aHugeSummaryIsCutToSlacksSectionLimit() {
    String summary = "│ line │\n".repeat(1000);
    PipelineEvent e =
        new ApprovalRequested(
            SampleEvents.header("Approve?"), 3, List.of("alice"), summary, null, null, null);
    SlackMessage m = messages.render(e, true);
    String json = Golden.json(m);
    assertThat(json).contains("(cut: the reports have the rest)");
    for (var b : m.blocks()) {
      if (b instanceof com.slack.api.model.block.SectionBlock section
          && section.getText() != null) {
        assertThat(section.getText().getText()).hasSizeLessThanOrEqualTo(SlackBlocks.SECTION_MAX);
      }
    }
  }
}
