package dev.tollgate.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.db.RegistryDatabase;
import dev.tollgate.activities.notify.SampleEvents;
import dev.tollgate.spec.NotifySpec;
import dev.tollgate.stages.EventHeader;
import dev.tollgate.stages.PipelineEvent;
import dev.tollgate.stages.RunFinished;
import dev.tollgate.stages.RunStarted;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SlackSink against a local stand-in for slack.com, threads in H2. */
class SlackSinkTest {
  private static final String POST = "/api/chat.postMessage";
  private static final String BASE_URL = "https://tollgate.example.com/reports";

  @TempDir Path home;
  private FakeSlack slack;
  private RegistryDatabase db;
  private SlackThreads threads;

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlack();
    db = RegistryDatabase.open(RegistryDatabase.h2Url(home), null, null);
    threads = new JdbcSlackThreads(db.dataSource());
  }

  @AfterEach
  void stop() {
    slack.close();
    db.close();
  }

  private SlackSink bot(String defaultChannel) {
    return new SlackSink(
        new SlackSettings("xoxb-test", "", "", slack.apiUrl(), defaultChannel, BASE_URL), threads);
  }

  private SlackSink webhook() {
    return new SlackSink(
        new SlackSettings("", slack.webhookUrl(), "", slack.apiUrl(), "#general", BASE_URL),
        threads);
  }

  @Test
  void postsTheEventsBlocksToTheSpecsChannelWithTheBotToken() throws Exception {
    bot("#general").accept(SampleEvents.approvalRequested());

    assertThat(slack.requests()).hasSize(1); // no auth.test first: stats are off
    FakeSlack.Request r = slack.requests(POST).getFirst();
    assertThat(r.header("Authorization")).isEqualTo("Bearer xoxb-test");
    Map<String, String> form = r.form();
    assertThat(form.get("channel")).isEqualTo("#ml-deploys");
    assertThat(form.get("text")).isEqualTo("Approve energy-load v3 (rmse 25.8, r2 0.91)?");
    assertThat(form).doesNotContainKey("thread_ts");
    // what went over the wire is what the golden file shows
    SlackMessage expected =
        new SlackMessages(BASE_URL).render(SampleEvents.approvalRequested(), true);
    assertThat(Golden.pretty(form.get("blocks")))
        .isEqualTo(
            Golden.pretty(
                com.slack.api.util.json.GsonFactory.createSnakeCase().toJson(expected.blocks())));
    assertThat(form.get("blocks")).contains("tollgate_approve");
  }

  @Test
  void laterMessagesOfARunReplyInTheThreadOfItsFirst() {
    SlackSink sink = bot("");
    sink.accept(SampleEvents.runStarted());
    sink.accept(SampleEvents.approvalRequested());
    sink.accept(SampleEvents.reminder());

    List<FakeSlack.Request> posts = slack.requests(POST);
    assertThat(posts).hasSize(3);
    assertThat(posts.get(0).form()).doesNotContainKey("thread_ts");
    assertThat(threads.root(SampleEvents.WORKFLOW))
        .isEqualTo(new SlackThreads.Root(FakeSlack.CHANNEL_ID, "1700000000.000001"));
    Map<String, String> second = posts.get(1).form();
    assertThat(second.get("thread_ts")).isEqualTo("1700000000.000001");
    assertThat(second.get("channel")).isEqualTo(FakeSlack.CHANNEL_ID);
    assertThat(second.get("reply_broadcast")).isEqualTo("1"); // approvals show in the channel
    assertThat(posts.get(2).form().get("thread_ts")).isEqualTo("1700000000.000001");
    assertThat(posts.get(2).form().get("reply_broadcast")).isNotEqualTo("1");
  }

  @Test
  void aRateLimitWaitsForRetryAfterAndPostsNothing() {
    slack.rateLimitNext(1, 7);
    SlackSink sink = bot("");

    assertThatThrownBy(() -> sink.accept(SampleEvents.runStarted()))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
              assertThat(f.isNonRetryable()).isFalse();
            });
    assertThat(slack.requests(POST)).hasSize(1); // one try, no retry of the client's own
    assertThat(threads.root(SampleEvents.WORKFLOW)).isNull();

    sink.accept(SampleEvents.runStarted()); // Temporal's retry
    assertThat(threads.root(SampleEvents.WORKFLOW)).isNotNull();
  }

  @Test
  void aServerErrorIsRetryable() {
    slack.failNext(1);
    assertThatThrownBy(() -> bot("").accept(SampleEvents.runStarted()))
        .isInstanceOf(RuntimeException.class)
        .isNotInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("HTTP 500");
    assertThat(slack.requests(POST)).hasSize(1);
  }

  @Test
  void aConfigurationErrorIsNotRetriedAndNamesErrorAndChannel() {
    slack.errorNext("channel_not_found");
    assertThatThrownBy(() -> bot("").accept(SampleEvents.runStarted()))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isTrue())
        .hasMessageContaining("channel_not_found")
        .hasMessageContaining("#ml-deploys");
  }

  @Test
  void anUnknownSlackErrorIsRetried() {
    slack.errorNext("internal_error");
    assertThatThrownBy(() -> bot("").accept(SampleEvents.runStarted()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("internal_error");
  }

  @Test
  void eventsTheSpecDoesNotListAreSkipped() {
    NotifySpec onlyDeploys = new NotifySpec("#ml-deploys", null, List.of("deployed"), null);
    SlackSink sink = bot("");
    sink.accept(withRoute(SampleEvents.runStarted(), onlyDeploys));
    sink.accept(withRoute(SampleEvents.validationFailed(), onlyDeploys));
    assertThat(slack.requests()).isEmpty();

    sink.accept(withRoute(SampleEvents.deployed(), onlyDeploys));
    assertThat(slack.requests(POST)).hasSize(1);
  }

  @Test
  void withoutAChannelNothingIsSentAndTheWorkersChannelIsTheDefault() {
    NotifySpec noSlack = new NotifySpec(null, null, List.of(), null);
    bot("").accept(withRoute(SampleEvents.runStarted(), noSlack));
    assertThat(slack.requests()).isEmpty();

    bot("#general").accept(withRoute(SampleEvents.runStarted(), noSlack));
    bot("#general").accept(SampleEvents.rolledBackByHand()); // no route at all
    assertThat(slack.requests(POST)).hasSize(2);
    assertThat(slack.requests(POST).getFirst().form().get("channel")).isEqualTo("#general");
  }

  @Test
  void withoutTokenOrWebhookNothingIsSent() {
    new SlackSink(new SlackSettings("", "", "", slack.apiUrl(), "#general", ""), threads)
        .accept(SampleEvents.runStarted());
    assertThat(slack.requests()).isEmpty();
  }

  @Test
  void anIncomingWebhookGetsTheSameBlocksWithoutButtonsOrThreads() throws Exception {
    SlackSink sink = webhook();
    sink.accept(SampleEvents.runStarted());
    sink.accept(SampleEvents.approvalRequested());

    List<FakeSlack.Request> posts = slack.requests("/webhook");
    assertThat(posts).hasSize(2);
    assertThat(slack.requests(POST)).isEmpty();
    String second = posts.get(1).body();
    assertThat(second).doesNotContain("tollgate_approve", "thread_ts");
    var payload = com.google.gson.JsonParser.parseString(second).getAsJsonObject();
    assertThat(payload.get("text").getAsString())
        .isEqualTo("Approve energy-load v3 (rmse 25.8, r2 0.91)?");
    SlackMessage expected =
        new SlackMessages(BASE_URL).render(SampleEvents.approvalRequested(), false);
    assertThat(Golden.pretty(payload.get("blocks").toString()))
        .isEqualTo(
            Golden.pretty(
                com.slack.api.util.json.GsonFactory.createSnakeCase().toJson(expected.blocks())));
    assertThat(threads.root(SampleEvents.WORKFLOW)).isNull();
  }

  @Test
  void anIncomingWebhookHonoursRetryAfterAndRefusesForGoodOn4xx() {
    slack.rateLimitNext(1, 3);
    assertThatThrownBy(() -> webhook().accept(SampleEvents.runStarted()))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(3)));

    slack.answerNext(404, "no_service");
    assertThatThrownBy(() -> webhook().accept(SampleEvents.runStarted()))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isTrue())
        .hasMessageContaining("no_service");

    slack.failNext(1);
    assertThatThrownBy(() -> webhook().accept(SampleEvents.runStarted()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("HTTP 500");
  }

  /** The sample sent elsewhere: a run's start or end. */
  private static PipelineEvent withRoute(PipelineEvent e, NotifySpec route) {
    EventHeader h = e.header().withRoute(route);
    return switch (e) {
      case RunStarted s -> new RunStarted(h, s.trigger(), s.triggeredBy(), s.reason());
      case RunFinished f ->
          new RunFinished(
              h,
              f.outcome(),
              f.trigger(),
              f.version(),
              f.metrics(),
              f.decidedBy(),
              f.decisions(),
              f.reportUri(),
              f.htmlReportUri(),
              f.failure(),
              f.comparison(),
              f.cancellation(),
              f.policy(),
              f.policyRaised());
      default -> throw new IllegalArgumentException("not a sample this test reroutes: " + e);
    };
  }
}
