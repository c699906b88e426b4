package dev.tollgate.worker.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.db.RegistryDatabase;
import dev.tollgate.activities.notify.EventSink;
import dev.tollgate.activities.notify.JdbcDeliveryLedger;
import dev.tollgate.activities.notify.NotifyActivitiesImpl;
import dev.tollgate.adapters.slack.FakeSlack;
import dev.tollgate.adapters.slack.JdbcSlackThreads;
import dev.tollgate.adapters.slack.SlackSettings;
import dev.tollgate.adapters.slack.SlackSink;
import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.PipelineEvent;
import io.temporal.client.WorkflowStub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack down for the first five minutes of a run (on the time-skipping test server's clock): the
 * run goes through its approval wait and deploys as if nothing happened, and every message is
 * posted once, after the outage, in order, in the run's thread.
 */
class SlackOutageTest {
  private static final Duration OUTAGE = Duration.ofMinutes(5);
  private static final String SPEC =
      SlackPipelineFixture.SPEC
          .replace("timeout: 72h", "timeout: 1h")
          .replace("on_timeout: reject", "on_timeout: approve");

  @TempDir Path home;

  @Test
  void aFiveMinuteOutageDelaysTheMessagesNotTheRun() throws Exception {
    List<PipelineEvent> taken = new CopyOnWriteArrayList<>();
    EventSink recorder =
        new EventSink() {
          @Override
          public String name() {
            return "recorder";
          }

          @Override
          public void accept(PipelineEvent event) {
            taken.add(event);
          }
        };
    try (FakeSlack slack = new FakeSlack(Map.of());
        RegistryDatabase db = RegistryDatabase.open(RegistryDatabase.h2Url(home), null, null)) {
      SlackSink sink =
          new SlackSink(
              new SlackSettings("xoxb-test", "", "", slack.apiUrl(), "", ""),
              new JdbcSlackThreads(db.dataSource()));
      var notify =
          new NotifyActivitiesImpl(
              List.of(recorder, sink), new JdbcDeliveryLedger(db.dataSource()));
      try (SlackPipelineFixture fixture = new SlackPipelineFixture(notify)) {
        // the outage starts with Slack's first call, on the test server's clock
        long[] since = {-1};
        slack.downWhile(
            () -> {
              long now = fixture.env.currentTimeMillis();
              if (since[0] < 0) since[0] = now;
              return now < since[0] + OUTAGE.toMillis();
            });

        WorkflowStub run = fixture.start(SPEC, "outage-1");
        PipelineResult result = run.getResult(60, TimeUnit.SECONDS, PipelineResult.class);
        var events =
            fixture
                .client()
                .fetchHistory(run.getExecution().getWorkflowId())
                .getHistory()
                .getEventsList();
        long took =
            com.google.protobuf.util.Timestamps.toMillis(events.getLast().getEventTime())
                - com.google.protobuf.util.Timestamps.toMillis(events.getFirst().getEventTime());

        assertThat(result.outcome()).as(result.failure()).isEqualTo(Outcome.DEPLOYED);
        assertThat(result.decision().via()).isEqualTo("timeout"); // the 1 h wait, not more
        assertThat(Duration.ofMillis(took)).isLessThan(Duration.ofHours(1).plus(OUTAGE));
        assertThat(slack.refused()).as("Slack was down when the run began").isPositive();

        List<FakeSlack.Request> posts = slack.calls("chat.postMessage");
        List<Integer> seqs = taken.stream().map(PipelineEvent::seq).sorted().toList();
        assertThat(taken).extracting(PipelineEvent::kind).contains(PipelineEvent.Kind.FINISHED);
        assertThat(seqs).as("every event once").doesNotHaveDuplicates();
        assertThat(posts).as("one message per event, none twice").hasSize(taken.size());
        assertThat(posts.getFirst().field("text")).contains("started");
        assertThat(posts.getLast().field("text")).startsWith("DEPLOYED energy-load v1");
        String root = "1700000000.000001";
        assertThat(posts.getFirst().field("thread_ts")).isNull();
        assertThat(posts.subList(1, posts.size()))
            .allSatisfy(p -> assertThat(p.field("thread_ts")).isEqualTo(root));
      }
    }
  }
}
